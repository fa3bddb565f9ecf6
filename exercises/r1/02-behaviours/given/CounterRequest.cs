namespace Behaviours;

/// <summary>
/// The counter's protocol: every request a <see cref="CounterBehaviour"/> understands, in one place.
/// In Elixir these would be the tuples <c>{:increment, by}</c>, <c>{:decrement, by}</c> and <c>:get</c>.
/// </summary>
/// <remarks>The constructor is private, so the three records below are the only requests there are.</remarks>
public abstract record CounterRequest
{
    private CounterRequest()
    {
    }

    /// <summary>Adds <paramref name="By"/> to the count; the reply is the new count.</summary>
    /// <param name="By">How much to add.</param>
    public sealed record Increment(int By = 1) : CounterRequest;

    /// <summary>Takes <paramref name="By"/> from the count; the reply is the new count.</summary>
    /// <param name="By">How much to take away.</param>
    public sealed record Decrement(int By = 1) : CounterRequest;

    /// <summary>Asks for the count; the reply is the count, which does not change.</summary>
    public sealed record Get : CounterRequest;
}
