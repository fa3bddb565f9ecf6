namespace Behaviours;

/// <summary>
/// What a stack answers: an item, or the news that the stack is empty.
/// Elixir would reply <c>{:ok, item}</c> or <c>:empty</c>; C# returns a value that says which.
/// </summary>
/// <typeparam name="T">The type of the items on the stack.</typeparam>
public readonly record struct StackReply<T>
{
    private StackReply(bool isEmpty, T item)
    {
        IsEmpty = isEmpty;
        Item = item;
    }

    /// <summary>The reply to a Pop or a Peek on an empty stack.</summary>
    public static StackReply<T> Empty => new(true, default!);

    /// <summary>True when the stack was empty; <see cref="Item"/> is then the default value.</summary>
    public bool IsEmpty { get; }

    /// <summary>The item pushed, popped or peeked, when <see cref="IsEmpty"/> is false.</summary>
    public T Item { get; }

    /// <summary>A reply that holds an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The reply holding <paramref name="item"/>.</returns>
    public static StackReply<T> Of(T item) => new(false, item);
}
