using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Backpressure.Hidden;

/// <summary>
/// The work of a slow consumer, slowed by gates the test opens rather than by time, so that no test depends on the
/// machine's speed. Each item the consumer starts waits until the test releases it (<see cref="Release"/>) or opens the
/// gate for good (<see cref="Open"/>); the test can wait for the n-th item to start (<see cref="StartedAsync"/>).
/// While an item waits at the gate, the consumer holds it and takes nothing from its mailbox: that is when the tests
/// read the mailbox's length.
/// </summary>
internal sealed class SlowWork
{
    private readonly ConcurrentDictionary<int, Slot> _slots = new();
    private int _starts;
    private volatile bool _open;

    /// <summary>How many items the consumer has started so far.</summary>
    public int Starts => Volatile.Read(ref _starts);

    /// <summary>The consumer's work: called with each item it handles, in turn.</summary>
    public Task Work(int item)
    {
        var slot = SlotFor(Interlocked.Increment(ref _starts));
        if (_open)
        {
            slot.Release.TrySetResult();
        }

        slot.Started.TrySetResult(item);
        return slot.Release.Task;
    }

    /// <summary>Waits until the consumer has started its <paramref name="n"/>-th item (counting from 1); returns that item.</summary>
    public Task<int> StartedAsync(int n, int step) =>
        Waits.ForAsync(SlotFor(n).Started.Task, $"the consumer to start its item number {n}", step);

    /// <summary>Lets the consumer finish its <paramref name="n"/>-th item.</summary>
    public void Release(int n) => SlotFor(n).Release.TrySetResult();

    /// <summary>Lets every item, started or to come, through at once.</summary>
    public void Open()
    {
        _open = true;
        foreach (var slot in _slots.Values)
        {
            slot.Release.TrySetResult();
        }
    }

    private Slot SlotFor(int n) => _slots.GetOrAdd(n, static _ => new Slot());

    private sealed class Slot
    {
        public TaskCompletionSource<int> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
