namespace Processes;

/// <summary>
/// What a receive with a timeout gives back: a message, or the news that none came in time.
/// Erlang writes the two outcomes as the clauses of <c>receive ... after ... end</c>; C# returns a value that says which.
/// </summary>
/// <typeparam name="T">The type of the messages.</typeparam>
public readonly record struct Received<T>
{
    private Received(bool timedOut, T message)
    {
        IsTimedOut = timedOut;
        Message = message;
    }

    /// <summary>No message came before the timeout.</summary>
    public static Received<T> TimedOut => new(true, default!);

    /// <summary>True when no message came before the timeout; <see cref="Message"/> is then the default value.</summary>
    public bool IsTimedOut { get; }

    /// <summary>The message received, when <see cref="IsTimedOut"/> is false.</summary>
    public T Message { get; }

    /// <summary>A message was received.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The outcome holding <paramref name="message"/>.</returns>
    public static Received<T> Of(T message) => new(false, message);
}
