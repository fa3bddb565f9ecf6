using System;
using System.Diagnostics;
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

        // The order of the arms matters: the `when` arms catch the empty stack before the arms that would call Peek()
        // on it (ImmutableStack.Peek throws on an empty stack).
        return request switch
        {
            StackRequest<T>.Push push => (StackReply<T>.Of(push.Item), state.Push(push.Item)),
            StackRequest<T>.Pop or StackRequest<T>.Peek when state.IsEmpty => (StackReply<T>.Empty, state),
            StackRequest<T>.Pop => (StackReply<T>.Of(state.Peek()), state.Pop()),
            StackRequest<T>.Peek => (StackReply<T>.Of(state.Peek()), state),
            _ => throw new UnreachableException(), // the request types are closed: no other kind exists
        };
    }
}
