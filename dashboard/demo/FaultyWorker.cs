namespace Otp.Dashboard.Demo;

/// <summary>
/// The deliberate fault: a server whose idle time-out fires after <c>faultEvery</c> and crashes it, so its supervisor
/// restarts it (under a new pid) and the dashboard shows the restart.
/// </summary>
/// <param name="faultEvery">How long each incarnation lives.</param>
public sealed class FaultyWorker(TimeSpan faultEvery) : GenServer<FaultyWorker.Health>
{
    /// <inheritdoc/>
    protected override InitResult<Health> Init() => Ok(new Health(Context.Node.Time.GetUtcNow())).WithTimeout(faultEvery);

    /// <inheritdoc/>
    protected override HandleResult<Health> HandleInfo(object message, Health state) =>
        ExitReason.Timeout.Equals(message)
            ? throw new InvalidOperationException($"the demo's deliberate fault, {faultEvery.TotalSeconds:0.#} s after starting")
            : NoReply(state).WithTimeout(faultEvery);

    /// <summary>The worker's state.</summary>
    /// <param name="StartedAt">When this incarnation started.</param>
    public sealed record Health(DateTimeOffset StartedAt);
}
