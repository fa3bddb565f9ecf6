using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Otp;

namespace TasksAndAgents.Tests;

/// <summary>
/// A fake supplier for the tests. Each fetch records, from inside the task, that it started (with the task's pid) and
/// how many fetches were running at that moment, then waits at its product's gate until the test opens it with
/// <see cref="Answer"/> or <see cref="Fail"/>. Built with <c>open: true</c>, every gate is open from the start.
/// Nothing here measures time: the tests learn what happened from these records and gates.
/// </summary>
internal sealed class GatedSource(bool open = false) : IPriceSource
{
    private readonly object _lock = new();
    private readonly Dictionary<string, TaskCompletionSource<decimal>> _gates = [];
    private readonly Dictionary<string, TaskCompletionSource<Pid>> _started = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _runningWaiters = [];
    private readonly List<string> _order = [];
    private int _running;
    private int _peak;

    /// <summary>The price an open gate answers with: the length of the product's name, in euros.</summary>
    public static decimal PriceOf(string product) => product.Length;

    /// <summary>The most fetches that were running at once, as the fetches themselves counted.</summary>
    public int Peak
    {
        get { lock (_lock) { return _peak; } }
    }

    /// <summary>How many fetches are running now.</summary>
    public int Running
    {
        get { lock (_lock) { return _running; } }
    }

    /// <summary>The products whose fetch has started, in the order they started.</summary>
    public IReadOnlyList<string> Started
    {
        get { lock (_lock) { return _order.ToArray(); } }
    }

    public async Task<decimal> FetchAsync(string product, ProcessContext self)
    {
        TaskCompletionSource<decimal> gate;
        lock (_lock)
        {
            _running++;
            _peak = Math.Max(_peak, _running);
            _order.Add(product);
            StartedSource(product).TrySetResult(self.Self);
            gate = Gate(product);
            foreach (var waiter in _runningWaiters.Where(w => w.Count == _running))
            {
                waiter.Reached.TrySetResult();
            }
        }

        try
        {
            return await gate.Task;
        }
        finally
        {
            lock (_lock)
            {
                _running--;
            }
        }
    }

    /// <summary>Completes with the pid of the task fetching <paramref name="product"/> once that fetch has started.</summary>
    public Task<Pid> WhenStarted(string product)
    {
        lock (_lock)
        {
            return StartedSource(product).Task;
        }
    }

    /// <summary>Completes when a fetch starts and finds <paramref name="count"/> fetches running, itself included.</summary>
    public Task WhenRunning(int count)
    {
        lock (_lock)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_running == count)
            {
                reached.SetResult();
            }
            else
            {
                _runningWaiters.Add((count, reached));
            }

            return reached.Task;
        }
    }

    /// <summary>Opens <paramref name="product"/>'s gate: its fetch returns <see cref="PriceOf"/>.</summary>
    public void Answer(string product)
    {
        lock (_lock)
        {
            Gate(product).TrySetResult(PriceOf(product));
        }
    }

    /// <summary>Opens <paramref name="product"/>'s gate with an error: its fetch throws <paramref name="error"/>.</summary>
    public void Fail(string product, Exception error)
    {
        lock (_lock)
        {
            Gate(product).TrySetException(error);
        }
    }

    private TaskCompletionSource<decimal> Gate(string product)
    {
        if (!_gates.TryGetValue(product, out var gate))
        {
            gate = new TaskCompletionSource<decimal>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (open)
            {
                gate.SetResult(PriceOf(product));
            }

            _gates[product] = gate;
        }

        return gate;
    }

    private TaskCompletionSource<Pid> StartedSource(string product)
    {
        if (!_started.TryGetValue(product, out var started))
        {
            started = new TaskCompletionSource<Pid>(TaskCreationOptions.RunContinuationsAsynchronously);
            _started[product] = started;
        }

        return started;
    }
}
