namespace Otp;

/// <summary>
/// Runs a child spec's start function in a supervisor's process, as supervisor.erl's <c>do_start_child</c> does, and turns
/// whatever went wrong into the start error OTP would report: the reason itself, not the .NET exception that carried it.
/// Shared by Supervisor and DynamicSupervisor.
/// </summary>
internal static class ChildStart
{
    /// <summary>Starts the child; null when it returned ignore. Throws <see cref="StartFailedException"/> carrying the reason.</summary>
    public static async Task<Pid?> StartAsync(ProcessContext supervisor, ChildSpec spec) =>
        (await StartWithInfoAsync(supervisor, spec).ConfigureAwait(false))?.Pid;

    /// <summary>As <see cref="StartAsync"/>, keeping the info of a start function that gives one (OTP's <c>{ok, Pid, Info}</c>).</summary>
    public static async Task<StartedChild?> StartWithInfoAsync(ProcessContext supervisor, ChildSpec spec)
    {
        try
        {
            return spec.StartWithInfo is { } withInfo
                ? await withInfo(supervisor).ConfigureAwait(false)
                : new StartedChild(await spec.Start(supervisor).ConfigureAwait(false), null);
        }
        catch (Exception crash) when (crash is not ProcessKilledSignal && !supervisor.ExitToken.IsCancellationRequested)
        {
            var failure = Failure(crash);
            return failure.Ignored ? null : throw failure;
        }
    }

    /// <summary>
    /// The start error for an exception out of a start function: a <see cref="StartFailedException"/> as it is (a nested
    /// start's <c>{error, Reason}</c>), an <see cref="ExitException"/> as its reason (<c>exit(oops)</c> gives <c>oops</c>),
    /// an <see cref="AggregateException"/> of one as that one, anything else as the exception itself.
    /// </summary>
    public static StartFailedException Failure(Exception crash) => crash switch
    {
        StartFailedException failed => failed,
        ExitException exit => new StartFailedException(exit.Reason),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Failure(aggregate.InnerExceptions[0]),
        _ => new StartFailedException(crash),
    };
}
