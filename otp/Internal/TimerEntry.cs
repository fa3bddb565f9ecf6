namespace Otp;

/// <summary>
/// Something waiting in a node's <see cref="TimerQueue"/>: a call's time-out, a receive's <c>after</c>. The queue owns
/// the fields while the entry is queued; an entry is queued at most once at a time and may be queued again after it
/// fired or was removed.
/// </summary>
internal abstract class TimerEntry
{
    /// <summary>When it fires, in the node clock's timestamp units.</summary>
    internal long Deadline;

    /// <summary>Order of arming, so entries with the same deadline fire first in, first out.</summary>
    internal long Sequence;

    /// <summary>Its place in the queue's heap; -1 while not queued.</summary>
    internal int Index = -1;

    /// <summary>A value the owner sets before queueing and gets back in <see cref="Fire"/>, read under the queue's lock.</summary>
    internal long Tag;

    /// <summary>Called once per arming when the deadline has passed, outside any lock, with the tag it was armed with.</summary>
    public abstract void Fire(long tag);
}
