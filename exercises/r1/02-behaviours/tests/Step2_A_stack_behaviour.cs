using System.Collections.Immutable;
using NUnit.Framework;

namespace Behaviours.Tests;

/// <summary>Step 2: a second behaviour, with a state of its own and replies of its own; still no server.</summary>
public sealed class Step2_A_stack_behaviour
{
    private readonly StackBehaviour<string> _stack = new();

    [Test]
    public void Init_gives_an_empty_stack()
    {
        Assert.That(_stack.Init(), Is.Empty, "Step 2: Init returns an empty ImmutableStack");
    }

    [Test]
    public void Push_puts_the_item_on_top_and_replies_with_it()
    {
        var (reply, state) = _stack.Handle(new StackRequest<string>.Push("a"), ImmutableStack.Create("z"));

        Assert.That(reply, Is.EqualTo(StackReply<string>.Of("a")), "The reply to Push holds the item pushed.");
        Assert.That(state, Is.EqualTo(new[] { "a", "z" }), "The new item is on top of the ones already there.");
    }

    [Test]
    public void Pop_takes_the_last_item_pushed()
    {
        var state = _stack.Init();
        (_, state) = _stack.Handle(new StackRequest<string>.Push("first"), state);
        (_, state) = _stack.Handle(new StackRequest<string>.Push("second"), state);

        var (reply, rest) = _stack.Handle(new StackRequest<string>.Pop(), state);

        Assert.That(reply.IsEmpty, Is.False, "Step 2: Pop on a stack with items replies with an item, not Empty");
        Assert.That(reply.Item, Is.EqualTo("second"), "A stack is last in, first out.");
        Assert.That(rest, Is.EqualTo(new[] { "first" }), "Pop takes the item off the stack.");
    }

    [Test]
    public void Peek_shows_the_top_item_and_leaves_the_stack_as_it_was()
    {
        var stack = ImmutableStack.Create("bottom", "top");

        var (reply, state) = _stack.Handle(new StackRequest<string>.Peek(), stack);

        Assert.That(reply, Is.EqualTo(StackReply<string>.Of("top")), "Step 2: the reply to Peek holds the top item");
        Assert.That(state, Is.EqualTo(new[] { "top", "bottom" }), "Peek only looks: the stack keeps both items.");
    }

    [Test]
    public void Pop_and_Peek_on_an_empty_stack_reply_Empty_instead_of_crashing()
    {
        var empty = _stack.Init();

        var (popped, afterPop) = _stack.Handle(new StackRequest<string>.Pop(), empty);
        var (peeked, afterPeek) = _stack.Handle(new StackRequest<string>.Peek(), empty);

        Assert.That(popped.IsEmpty, Is.True, "An empty stack is an ordinary answer: reply StackReply<T>.Empty.");
        Assert.That(peeked.IsEmpty, Is.True, "Step 2: Peek on an empty stack replies StackReply<T>.Empty");
        Assert.That(afterPop, Is.Empty, "Popping an empty stack leaves it empty.");
        Assert.That(afterPeek, Is.Empty, "Step 2: Peek on an empty stack leaves it empty");
    }

    [Test]
    public void Handle_refuses_a_null_request_or_a_null_stack()
    {
        Assert.That(() => _stack.Handle(null!, _stack.Init()), Throws.ArgumentNullException,
            "Handle(null, stack) must throw ArgumentNullException (see README, step 2).");
        Assert.That(() => _stack.Handle(new StackRequest<string>.Peek(), null!), Throws.ArgumentNullException,
            "Handle(Peek, null) must throw ArgumentNullException: a null stack is not an empty one (see README, step 2).");
    }
}
