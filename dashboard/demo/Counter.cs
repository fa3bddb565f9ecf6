namespace Otp.Dashboard.Demo;

/// <summary>A counter: casts of <c>"tick"</c> add one, a call of <c>"get"</c> reads it. Its state shows on the Processes page.</summary>
public sealed class Counter : GenServer<Counter.Count>
{
    /// <inheritdoc/>
    protected override InitResult<Count> Init() => Ok(new Count(0, null));

    /// <inheritdoc/>
    protected override HandleResult<Count> HandleCast(object request, Count state) =>
        request is string from ? NoReply(new Count(state.Ticks + 1, from)) : NoReply(state);

    /// <inheritdoc/>
    protected override HandleResult<Count> HandleCall(object request, From from, Count state) =>
        request is "get" ? Reply(state.Ticks, state) : base.HandleCall(request, from, state);

    /// <summary>The counter's state.</summary>
    /// <param name="Ticks">Casts received.</param>
    /// <param name="LastFrom">Who sent the latest.</param>
    public sealed record Count(long Ticks, string? LastFrom);
}
