using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WhenNotToOtp.Tests;

/// <summary>
/// A shop without processes, for watching what <c>Race.LastUnitAsync</c> does: it writes down every check and every act,
/// numbered by the order the reservations were asked for ("check 1", "act 2", ...). With <c>gap: true</c> it checks, awaits
/// the seam, then acts, as the split shop does; with <c>gap: false</c> it checks and acts in one step ("reserve 1") and
/// never calls the seam. <c>beforeCheck</c>, if given, holds every reservation before its check until it completes.
/// <c>failingCall</c>, if given, is the number of the reservation that throws instead of checking.
/// </summary>
internal sealed class ScriptedShop(int onHand, bool gap, Task? beforeCheck = null, int failingCall = 0) : IShop
{
    private readonly TaskCompletionSource _firstFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<string> _log = [];
    private int _reserved;
    private int _calls;
    private int _seamCalls;

    /// <summary>How many reservations have been asked for so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many times a reservation called the seam.</summary>
    public int SeamCalls => Volatile.Read(ref _seamCalls);

    /// <summary>Every quantity asked for, in order.</summary>
    public List<int> Quantities { get; } = [];

    /// <summary>Completes when the first reservation has given its answer (or failed).</summary>
    public Task FirstFinished => _firstFinished.Task;

    /// <summary>What happened, in order.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    public async Task<bool> ReserveAsync(string item, int quantity, Func<Task>? betweenCheckAndAct = null)
    {
        var n = Interlocked.Increment(ref _calls);
        try
        {
            return await ReserveAsync(n, quantity, betweenCheckAndAct);
        }
        finally
        {
            if (n == 1)
            {
                _firstFinished.TrySetResult();
            }
        }
    }

    private async Task<bool> ReserveAsync(int n, int quantity, Func<Task>? betweenCheckAndAct)
    {
        lock (_lock)
        {
            Quantities.Add(quantity);
        }

        if (n == failingCall)
        {
            throw new InvalidOperationException($"reservation {n} failed: the shop is closed");
        }

        if (beforeCheck is not null)
        {
            await beforeCheck;
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

        bool checkedOk;
        lock (_lock)
        {
            _log.Add($"check {n}");
            checkedOk = _reserved + quantity <= onHand;
        }

        if (!checkedOk)
        {
            return false;
        }

        if (betweenCheckAndAct is not null)
        {
            Interlocked.Increment(ref _seamCalls);
            await betweenCheckAndAct();
        }

        lock (_lock)
        {
            _log.Add($"act {n}");
            _reserved += quantity;
            return true;
        }
    }

    public Task<int> OnHandAsync(string item) => Task.FromResult(onHand);

    public Task<int> ReservedAsync(string item)
    {
        lock (_lock)
        {
            return Task.FromResult(_reserved);
        }
    }
}
