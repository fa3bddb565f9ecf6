namespace Otp;

/// <summary>A call's time-out in the node's <see cref="TimerQueue"/>: fails the call with <see cref="CallTimeoutException"/>.</summary>
internal sealed class CallTimer(From from) : TimerEntry
{
    public override void Fire(long tag) => from.OnTimeout();
}
