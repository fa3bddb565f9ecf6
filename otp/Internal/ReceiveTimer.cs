namespace Otp;

/// <summary>
/// A receive's <c>after</c> in the node's <see cref="TimerQueue"/>: one per process, made at its first receive with a
/// time limit and reused, since a process receives once at a time. The tag is the receive it belongs to, so a late fire
/// never interrupts a later receive.
/// </summary>
internal sealed class ReceiveTimer(Process process) : TimerEntry
{
    public override void Fire(long tag) => process.OnReceiveTimeout(tag);
}
