using System;
using System.Collections.Immutable;

namespace Behaviours;

/// <summary>
/// A stack, written as a behaviour. The state is an <see cref="ImmutableStack{T}"/>: Handle never changes the stack it
/// is given, it returns a new one, so the behaviour stays a pure function and an old state stays valid forever.
/// </summary>
/// <typeparam name="T">The type of the items on the stack.</typeparam>
public sealed class StackBehaviour<T> : IBehaviour<ImmutableStack<T>, StackRequest<T>, StackReply<T>>
{
    /// <summary>The stack before the first request: empty.</summary>
    /// <returns>An empty stack.</returns>
    public ImmutableStack<T> Init() =>
        throw new NotImplementedException("Step 2: implement StackBehaviour.Init (see README, step 2).");

    /// <summary>
    /// Push puts the item on top and replies with it; Pop takes the top item off and replies with it; Peek replies
    /// with the top item and leaves the stack as it is. Pop and Peek on an empty stack do not crash: they reply
    /// <see cref="StackReply{T}.Empty"/> and leave the stack empty.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current stack; it is never changed.</param>
    /// <returns>The reply, and the stack after the request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="state"/> is null.</exception>
    public (StackReply<T> Reply, ImmutableStack<T> State) Handle(StackRequest<T> request, ImmutableStack<T> state) =>
        throw new NotImplementedException("Step 2: implement StackBehaviour.Handle (see README, step 2).");
}
