using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WhenNotToOtp.Hidden;

/// <summary>
/// A shop without processes that writes down what each reservation did ("check 1", "act 2", "reserve 1", "seam 1").
/// <c>gap</c>: check, seam, act (else one step, never the seam). <c>failingCall</c>: that reservation throws before its
/// check. <c>seamTwice</c>: the seam is awaited twice. <c>reservedOffset</c>: added to what ReservedAsync says.
/// </summary>
internal sealed class FakeShop(int onHand, bool gap, int failingCall = 0, bool seamTwice = false, int reservedOffset = 0) : IShop
{
    private readonly Lock _lock = new();
    private readonly List<string> _log = [];
    private readonly List<int> _quantities = [];
    private readonly List<bool> _seamGiven = [];
    private readonly TaskCompletionSource _firstFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reserved;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task FirstFinished => _firstFinished.Task;

    public IReadOnlyList<string> Log => Snapshot(_log);

    public IReadOnlyList<int> Quantities => Snapshot(_quantities);

    public IReadOnlyList<bool> SeamGiven => Snapshot(_seamGiven);

    public List<string> Items { get; } = [];

    public async Task<bool> ReserveAsync(string item, int quantity, Func<Task>? betweenCheckAndAct = null)
    {
        var n = Interlocked.Increment(ref _calls);
        try
        {
            return await ReserveAsync(n, item, quantity, betweenCheckAndAct);
        }
        finally
        {
            if (n == 1)
            {
                _firstFinished.TrySetResult();
            }
        }
    }

    public Task<int> OnHandAsync(string item) => Task.FromResult(onHand);

    public Task<int> ReservedAsync(string item)
    {
        lock (_lock)
        {
            return Task.FromResult(_reserved + reservedOffset);
        }
    }

    private async Task<bool> ReserveAsync(int n, string item, int quantity, Func<Task>? seam)
    {
        lock (_lock)
        {
            _quantities.Add(quantity);
            _seamGiven.Add(seam is not null);
            Items.Add(item);
        }

        await Task.Yield();
        if (n == failingCall)
        {
            throw new InvalidOperationException($"reservation {n} failed");
        }

        if (!gap)
        {
            lock (_lock)
            {
                _log.Add($"reserve {n}");
                var fits = _reserved + quantity <= onHand;
                _reserved += fits ? quantity : 0;
                return fits;
            }
        }

        lock (_lock)
        {
            _log.Add($"check {n}");
            if (_reserved + quantity > onHand)
            {
                return false;
            }
        }

        if (seam is not null)
        {
            Add($"seam {n}");
            await seam();
            if (seamTwice)
            {
                await seam();
            }
        }

        lock (_lock)
        {
            _log.Add($"act {n}");
            _reserved += quantity;
            return true;
        }
    }

    private void Add(string entry)
    {
        lock (_lock)
        {
            _log.Add(entry);
        }
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_lock)
        {
            return [.. list];
        }
    }
}
