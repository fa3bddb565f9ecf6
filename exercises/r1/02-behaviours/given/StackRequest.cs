namespace Behaviours;

/// <summary>
/// The stack's protocol: every request a <see cref="StackBehaviour{T}"/> understands, in one place.
/// In Elixir: <c>{:push, item}</c>, <c>:pop</c> and <c>:peek</c>.
/// </summary>
/// <typeparam name="T">The type of the items on the stack.</typeparam>
/// <remarks>The constructor is private, so the three records below are the only requests there are.</remarks>
public abstract record StackRequest<T>
{
    private StackRequest()
    {
    }

    /// <summary>Puts <paramref name="Item"/> on top; the reply holds that item.</summary>
    /// <param name="Item">The item to push.</param>
    public sealed record Push(T Item) : StackRequest<T>;

    /// <summary>Takes the top item off; the reply holds it, or is <see cref="StackReply{T}.Empty"/>.</summary>
    public sealed record Pop : StackRequest<T>;

    /// <summary>Looks at the top item without taking it; the reply holds it, or is <see cref="StackReply{T}.Empty"/>.</summary>
    public sealed record Peek : StackRequest<T>;
}
