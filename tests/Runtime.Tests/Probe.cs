using Otp;

namespace Runtime.Tests;

/// <summary>Helpers that await a signal instead of sleeping.</summary>
internal static class Probe
{
    /// <summary>
    /// How long a test waits for something that must NOT happen. Short, because every such wait comes after a signal
    /// (a reply, a DOWN) that would already have let the unwanted event through if the runtime were wrong.
    /// </summary>
    public static readonly TimeSpan NothingHappensWithin = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits for the DOWN message of <paramref name="monitor"/> and returns its reason.</summary>
    public static async Task<object> DownReason(this ProcessContext inbox, MonitorRef monitor, CancellationToken ct)
    {
        var down = await inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor, cancellationToken: ct);
        return down!.Reason;
    }

    /// <summary>Monitors <paramref name="pid"/> and waits until it exits; returns its exit reason.</summary>
    public static Task<object> ExitOf(this ProcessContext inbox, Pid pid, CancellationToken ct) =>
        inbox.DownReason(inbox.Monitor(pid), ct);

    /// <summary>Waits for the next message of type <typeparamref name="T"/>.</summary>
    public static async Task<T> Next<T>(this ProcessContext inbox, CancellationToken ct)
        where T : class =>
        (await inbox.ReceiveAsync<T>(cancellationToken: ct))!;

    /// <summary>Waits for the next message that is a <typeparamref name="T"/> value (a tuple, usually).</summary>
    public static async Task<T> NextValue<T>(this ProcessContext inbox, CancellationToken ct)
        where T : struct =>
        (T)(await inbox.ReceiveAsync(m => m is T, Timeout.InfiniteTimeSpan, ct))!;

    /// <summary>Asserts that no message arrives within <see cref="NothingHappensWithin"/> (real time, whatever the node's clock).</summary>
    public static async Task AssertNoMessage(this ProcessContext inbox)
    {
        using var quiet = new CancellationTokenSource(NothingHappensWithin);
        object? message = null;
        try
        {
            message = await inbox.ReceiveAsync(quiet.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Assert.That(message, Is.Null, "no message was expected");
    }
}
