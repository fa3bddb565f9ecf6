using System;
using System.Diagnostics;

namespace Behaviours;

/// <summary>
/// A counter, written as a behaviour: two pure functions and no process in sight. The state is the count, an
/// <see cref="int"/>; every request replies with the count after it.
/// </summary>
public sealed class CounterBehaviour : IBehaviour<int, CounterRequest, int>
{
    // Configuration given when the behaviour is created, the way an Elixir server gets its init argument.
    private readonly int _initialCount;

    /// <summary>Creates a counter behaviour.</summary>
    /// <param name="initialCount">The count before the first request: what <see cref="Init"/> returns.</param>
    public CounterBehaviour(int initialCount = 0)
    {
        _initialCount = initialCount;
    }

    /// <summary>The count before the first request: the <c>initialCount</c> given to the constructor.</summary>
    /// <returns>The initial count.</returns>
    public int Init() => _initialCount;

    /// <summary>
    /// Increment adds <c>By</c>, Decrement takes <c>By</c> away, Get leaves the count as it is; the reply is always the
    /// count after the request, and it is also the next state. Handle changes nothing but what it returns.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current count.</param>
    /// <returns>The new count, twice: as the reply and as the next state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public (int Reply, int State) Handle(CounterRequest request, int state)
    {
        ArgumentNullException.ThrowIfNull(request);

        // One switch arm per request: the Elixir version is one function clause per request.
        var count = request switch
        {
            CounterRequest.Increment increment => state + increment.By,
            CounterRequest.Decrement decrement => state - decrement.By,
            CounterRequest.Get => state,
            // Unreachable while CounterRequest's constructor is private, but the compiler cannot know that.
            _ => throw new UnreachableException(), // the request types are closed: no other kind exists
        };
        return (count, count);
    }
}
