namespace Otp;

/// <summary>
/// "At most N restarts within T": OTP's restart intensity and period. Remembers when the recent restarts happened,
/// on the node's clock, and says whether one more is allowed.
/// </summary>
internal sealed class RestartIntensity(TimeProvider time, int maxRestarts, TimeSpan period)
{
    private readonly Queue<long> _restarts = new();

    /// <summary>Records a restart now; false if that makes more than <c>maxRestarts</c> within <c>period</c>.</summary>
    public bool TryAdd()
    {
        var now = time.GetTimestamp();
        _restarts.Enqueue(now);
        while (_restarts.Count > 0 && time.GetElapsedTime(_restarts.Peek(), now) > period)
        {
            _restarts.Dequeue();
        }

        return _restarts.Count <= maxRestarts;
    }
}
