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
        // TODO Step 2.1 (Init_gives_an_empty_stack): ImmutableStack<T> has a ready-made empty stack.
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
    public (StackReply<T> Reply, ImmutableStack<T> State) Handle(StackRequest<T> request, ImmutableStack<T> state)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        // TODO Step 2.2 (Push_puts_the_item_on_top_and_replies_with_it, Pop_takes_the_last_item_pushed,
        // Peek_shows_the_top_item_and_leaves_the_stack_as_it_was): a switch expression returning (reply, stack) pairs.
        // state.Push(item) and state.Pop() return new stacks; state.Peek() reads the top. Reply with StackReply<T>.Of(item).
        // TODO Step 2.3 (Pop_and_Peek_on_an_empty_stack_reply_Empty_instead_of_crashing): ImmutableStack's Peek and Pop
        // throw on an empty stack. Put arms with `when state.IsEmpty` before them that reply StackReply<T>.Empty.
        throw new NotImplementedException("Step 2: implement StackBehaviour.Handle (see README, step 2).");
    }
}
