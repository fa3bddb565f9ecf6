using Microsoft.AspNetCore.Builder;

namespace Otp.Dashboard;

/// <summary>
/// A running dashboard for one <see cref="Node"/>, started with
/// <see cref="NodeDashboardExtensions.UseDashboardAsync(Node, int, DashboardOptions?, CancellationToken)"/>. Dispose it to stop
/// serving; the node goes on.
/// </summary>
public sealed class Dashboard : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal Dashboard(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the page is, e.g. <c>http://127.0.0.1:4040/</c> (with the real port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Stops the web server and the sampling; open pages lose their connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
