namespace Otp.Dashboard;

/// <summary>How the dashboard serves a node.</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// The address to listen on: <c>127.0.0.1</c> (this machine only) unless changed. Anything else (<c>0.0.0.0</c>, a
    /// host name) lets other machines in, kill button included: see the dashboard's README before doing so.
    /// </summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>How often the page is sent fresh data (and the node sampled for the chart); 1 second by default.</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How much history the messages-per-second chart keeps; 5 minutes by default.</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the Processes page may kill processes (true by default; false removes the button and refuses the request).</summary>
    public bool AllowKill { get; init; } = true;

    /// <summary>At most this many rows of the process table are sent to the page, after filtering and sorting (500 by default).</summary>
    public int MaxRows { get; init; } = 500;

    /// <summary>Where the address is printed when the dashboard starts; <see cref="Console.Out"/> if null.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>The clock of the sampling timer; <see cref="TimeProvider.System"/> if null.</summary>
    public TimeProvider? Time { get; init; }
}
