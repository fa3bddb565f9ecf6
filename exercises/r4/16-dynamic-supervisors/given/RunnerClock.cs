using System;
using System.Threading;
using System.Threading.Tasks;
using Otp;

namespace DynamicSupervisors;

/// <summary>
/// One runner's clock: a GenServer that starts counting when it starts, on the node's clock (<see cref="Node.Time"/>),
/// and answers <see cref="ReadClock"/> with a <see cref="ClockReading"/>. It keeps nothing but its start time, so a
/// restarted clock counts from zero again. Given complete: you start it, name it and supervise it.
/// </summary>
/// <param name="runner">The runner the clock times.</param>
public sealed class RunnerClock(string runner) : GenServer<DateTimeOffset>
{
    /// <summary>Reads <paramref name="clock"/> from outside any process: the runner it times and the time since it started.</summary>
    /// <param name="node">The node the clock runs on.</param>
    /// <param name="clock">The clock: a pid or a name.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    /// <exception cref="NoProcessException">No clock runs under <paramref name="clock"/>.</exception>
    public static Task<ClockReading> ReadAsync(Node node, ServerRef clock, CancellationToken cancellationToken = default) =>
        GenServer.CallAsync<ClockReading>(node, clock, new ReadClock(), cancellationToken: cancellationToken);

    /// <summary>Starts counting: the state is the moment the clock started.</summary>
    protected override InitResult<DateTimeOffset> Init() => Ok(Context.Node.Time.GetUtcNow());

    /// <summary>Answers <see cref="ReadClock"/>; anything else stops the clock with <c>(bad_call, request)</c>.</summary>
    protected override HandleResult<DateTimeOffset> HandleCall(object request, From from, DateTimeOffset started) => request switch
    {
        ReadClock => Reply(new ClockReading(runner, Context.Node.Time.GetUtcNow() - started), started),
        _ => base.HandleCall(request, from, started),
    };
}
