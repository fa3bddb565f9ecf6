using System;

namespace Behaviours;

/// <summary>
/// A counter, written as a behaviour: two pure functions and no process in sight. The state is the count, an
/// <see cref="int"/>; every request replies with the count after it.
/// </summary>
public sealed class CounterBehaviour : IBehaviour<int, CounterRequest, int>
{
    /// <summary>Creates a counter behaviour.</summary>
    /// <param name="initialCount">The count before the first request: what <see cref="Init"/> returns.</param>
    public CounterBehaviour(int initialCount = 0)
    {
    }

    /// <summary>The count before the first request: the <c>initialCount</c> given to the constructor.</summary>
    /// <returns>The initial count.</returns>
    public int Init() =>
        throw new NotImplementedException("Step 1: implement CounterBehaviour.Init (see README, step 1).");

    /// <summary>
    /// Increment adds <c>By</c>, Decrement takes <c>By</c> away, Get leaves the count as it is; the reply is always the
    /// count after the request, and it is also the next state. Handle changes nothing but what it returns.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current count.</param>
    /// <returns>The new count, twice: as the reply and as the next state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public (int Reply, int State) Handle(CounterRequest request, int state) =>
        throw new NotImplementedException("Step 1: implement CounterBehaviour.Handle (see README, step 1).");
}
