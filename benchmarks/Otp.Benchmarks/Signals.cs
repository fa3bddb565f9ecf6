namespace Otp.Benchmarks;

/// <summary>
/// Completes a task when the last of <c>count</c> participants has checked in: how every benchmark waits for work spread over
/// many actors (all spawned actors started, the last message processed) without polling.
/// </summary>
internal sealed class Countdown(int count)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left = count;

    public Task Done => _done.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref _left) == 0)
        {
            _done.TrySetResult();
        }
    }
}

/// <summary>Where a restarted child announces itself (the benchmark runs one restart at a time).</summary>
internal static class RestartSignal
{
    private static TaskCompletionSource<object> s_current = New();

    public static Task<object> Next => Volatile.Read(ref s_current).Task;

    public static void Reset() => Volatile.Write(ref s_current, New());

    public static void Started(object child) => Volatile.Read(ref s_current).TrySetResult(child);

    private static TaskCompletionSource<object> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The messages the benchmarks send: preallocated, so the runtimes are measured rather than boxing.</summary>
internal static class Messages
{
    public static readonly object Ping = "ping";
    public static readonly object Crash = "crash";
    public static readonly object Tick = "tick";
}

/// <summary>Tells a counting actor how many messages to expect and whom to tell when they have all been processed.</summary>
internal sealed record Expect(int Count, Countdown Done);
