using System;
using System.Collections.Immutable;

namespace Behaviours;

/// <summary>
/// A stack, written as a behaviour. The state is an <see cref="ImmutableStack{T}"/>: Handle never changes the stack it
/// is given, it returns a new one, so the behaviour stays a pure function and an old state stays valid forever.
/// </summary>
/// <remarks>
/// Pop and Peek on an empty stack reply <see cref="StackReply{T}.Empty"/> instead of crashing. An empty stack is an
/// ordinary answer a caller can act on, not a bug; "let it crash" is for what nobody expected.
/// </remarks>
/// <typeparam name="T">The type of the items on the stack.</typeparam>
public sealed class StackBehaviour<T> : IBehaviour<ImmutableStack<T>, StackRequest<T>, StackReply<T>>
{
    /// <summary>The stack before the first request: empty.</summary>
    /// <returns>An empty stack.</returns>
    public ImmutableStack<T> Init() => ImmutableStack<T>.Empty;

    /// <summary>
    /// Push puts the item on top and replies with it; Pop takes the top item off and replies with it; Peek replies
    /// with the top item and leaves the stack as it is. Pop and Peek on an empty stack do not crash: they reply
    /// <see cref="StackReply{T}.Empty"/> and leave the stack empty.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current stack; it is never changed.</param>
    /// <returns>The reply, and the stack after the request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="state"/> is null.</exception>
    public (StackReply<T> Reply, ImmutableStack<T> State) Handle(StackRequest<T> request, ImmutableStack<T> state)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);

        // GAP 1 (step 2). Answer the three requests with a switch expression that returns (reply, new stack) pairs,
        // like CounterBehaviour.Handle does for the counter:
        //  - Push: reply StackReply<T>.Of(push.Item), and the stack state.Push(push.Item).
        //  - Pop: reply with the top item (state.Peek()) and the stack without it (state.Pop()).
        //  - Peek: reply with the top item, and the very same stack.
        //  - Pop and Peek on an empty stack: ImmutableStack's Peek() and Pop() throw there, and a crash is not what an
        //    empty stack deserves (it is an ordinary answer, not a bug). Put arms with `when state.IsEmpty` before the
        //    others: the first arm that matches wins. They reply StackReply<T>.Empty and keep the stack as it is.
        //  - A last `_` arm throws ArgumentOutOfRangeException (the compiler cannot know the three records are all).
        // Never change `state`: ImmutableStack cannot be changed anyway, every operation returns a new stack.
        throw new NotImplementedException("Step 2: implement StackBehaviour.Handle (see README, step 2).");
    }
}
