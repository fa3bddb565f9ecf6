using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NUnit.Framework;

namespace Behaviours.Hidden;

/// <summary>The two behaviours as pure functions, checked against simple models, with no server involved.</summary>
public sealed class BehaviourSuite
{
    [Test]
    [Repeat(5)]
    [Property("Step", 1)]
    public void The_counter_follows_a_random_sequence_of_requests()
    {
        var random = Seeded.Random();
        var initial = random.Next(-1000, 1000);
        var counter = new CounterBehaviour(initial);
        var state = counter.Init();
        var model = initial;
        Assert.That(state, Is.EqualTo(initial),
            $"Step 1: Init returns the initial count given to the constructor ({initial})");

        for (var i = 0; i < 300; i++)
        {
            var by = random.Next(-50, 1000);
            CounterRequest request;
            switch (random.Next(5))
            {
                case 0:
                    request = new CounterRequest.Increment(by);
                    model += by;
                    break;
                case 1:
                    request = new CounterRequest.Decrement(by);
                    model -= by;
                    break;
                case 2:
                    request = new CounterRequest.Increment();
                    model += 1;
                    break;
                case 3:
                    request = new CounterRequest.Decrement();
                    model -= 1;
                    break;
                default:
                    request = new CounterRequest.Get();
                    break;
            }

            var (reply, next) = counter.Handle(request, state);
            Assert.That(reply, Is.EqualTo(model), $"reply to {request} (request {i})");
            Assert.That(next, Is.EqualTo(model), $"state after {request} (request {i})");
            state = next;
        }
    }

    [Test]
    [Property("Step", 1)]
    public void Increment_and_Decrement_default_to_one()
    {
        var counter = new CounterBehaviour();

        Assert.That(new CounterRequest.Increment().By, Is.EqualTo(1),
            "Step 1: Increment without an amount adds 1 (By defaults to 1)");
        Assert.That(new CounterRequest.Decrement().By, Is.EqualTo(1),
            "Step 1: Decrement without an amount takes away 1 (By defaults to 1)");
        Assert.That(counter.Handle(new CounterRequest.Increment(), 41), Is.EqualTo((42, 42)),
            "Step 1: Increment() on 41 replies 42 and keeps 42 as the state");
        Assert.That(counter.Handle(new CounterRequest.Decrement(), 41), Is.EqualTo((40, 40)),
            "Step 1: Decrement() on 41 replies 40 and keeps 40 as the state");
    }

    [Test]
    [Property("Step", 1)]
    public void The_counter_keeps_no_state_of_its_own()
    {
        // A behaviour is a pure function: the same request on the same state gives the same answer, however often,
        // and one instance serves any number of states.
        var counter = new CounterBehaviour(initialCount: 3);

        Assert.That(counter.Handle(new CounterRequest.Increment(2), 5), Is.EqualTo((7, 7)),
            "Step 1: Handle works from the state it is given (5), not from a count kept in the behaviour");
        Assert.That(counter.Handle(new CounterRequest.Increment(2), 5), Is.EqualTo((7, 7)),
            "Step 1: the same request on the same state gives the same answer: Handle must keep no state of its own");
        Assert.That(counter.Handle(new CounterRequest.Get(), -9), Is.EqualTo((-9, -9)),
            "Step 1: Get replies with the state it is given and leaves it unchanged");
        Assert.That(counter.Init(), Is.EqualTo(3),
            "Step 1: Init returns the initial count, whatever Handle was called with before");
        Assert.That(counter.Init(), Is.EqualTo(3), "Init gives the same initial state every time it is called.");
    }

    [Test]
    [Property("Step", 1)]
    public void The_counter_refuses_a_null_request()
    {
        Assert.That(() => new CounterBehaviour().Handle(null!, 0), Throws.ArgumentNullException,
            "Step 1: Handle refuses a null request with ArgumentNullException");
    }

    [Test]
    [Repeat(5)]
    [Property("Step", 2)]
    public void The_stack_follows_a_random_sequence_of_requests()
    {
        var random = Seeded.Random();
        var stack = new StackBehaviour<int>();
        var state = stack.Init();
        var model = new Stack<int>();

        for (var i = 0; i < 300; i++)
        {
            StackRequest<int> request;
            StackReply<int> expected;
            switch (random.Next(3))
            {
                case 0:
                    var item = random.Next(-100, 100);
                    request = new StackRequest<int>.Push(item);
                    model.Push(item);
                    expected = StackReply<int>.Of(item);
                    break;
                case 1:
                    request = new StackRequest<int>.Pop();
                    expected = model.TryPop(out var popped) ? StackReply<int>.Of(popped) : StackReply<int>.Empty;
                    break;
                default:
                    request = new StackRequest<int>.Peek();
                    expected = model.TryPeek(out var top) ? StackReply<int>.Of(top) : StackReply<int>.Empty;
                    break;
            }

            var (reply, next) = stack.Handle(request, state);
            Assert.That(reply, Is.EqualTo(expected), $"reply to {request} (request {i})");
            Assert.That(next, Is.EqualTo(model.ToArray()), $"stack after {request} (request {i})");
            state = next;
        }
    }

    [Test]
    [Property("Step", 2)]
    public void The_stack_never_changes_the_state_it_is_given()
    {
        var stack = new StackBehaviour<string>();
        var before = ImmutableStack.Create("a", "b");

        var (_, pushed) = stack.Handle(new StackRequest<string>.Push("c"), before);
        var (_, popped) = stack.Handle(new StackRequest<string>.Pop(), before);
        var (_, peeked) = stack.Handle(new StackRequest<string>.Peek(), before);

        Assert.That(before, Is.EqualTo(new[] { "b", "a" }), "an old state stays valid: the behaviour is pure");
        Assert.That(pushed, Is.EqualTo(new[] { "c", "b", "a" }),
            "Step 2: Push returns a new stack with the item on top of the old one");
        Assert.That(popped, Is.EqualTo(new[] { "a" }), "Step 2: Pop returns the stack without its top item");
        Assert.That(peeked, Is.SameAs(before), "Peek hands back the very stack it was given");
    }

    [Test]
    [Property("Step", 2)]
    public void The_empty_stack_answers_Empty_to_Pop_and_Peek_and_stays_empty()
    {
        var stack = new StackBehaviour<int>();
        var empty = stack.Init();

        for (var i = 0; i < 3; i++)
        {
            var (reply, state) = stack.Handle(i % 2 == 0 ? new StackRequest<int>.Pop() : new StackRequest<int>.Peek(), empty);
            Assert.That(reply, Is.EqualTo(StackReply<int>.Empty),
                "Step 2: Pop and Peek on an empty stack reply StackReply.Empty");
            Assert.That(reply.IsEmpty, Is.True, "Step 2: the reply to Pop or Peek on an empty stack is empty");
            Assert.That(state, Is.Empty, "Step 2: Pop and Peek on an empty stack leave it empty");
            empty = state;
        }

        var (lastOut, afterPop) = stack.Handle(new StackRequest<int>.Pop(), ImmutableStack.Create(0));
        Assert.That(lastOut, Is.EqualTo(StackReply<int>.Of(0)), "popping the last item, even a default value, is not Empty");
        Assert.That(lastOut.IsEmpty, Is.False, "Step 2: a reply holding an item (even 0) is not empty");
        Assert.That(afterPop, Is.Empty, "Step 2: popping the last item leaves an empty stack");
    }

    [Test]
    [Property("Step", 2)]
    public void The_stack_refuses_a_null_request_or_state()
    {
        var stack = new StackBehaviour<int>();

        Assert.That(() => stack.Handle(null!, stack.Init()), Throws.ArgumentNullException,
            "Step 2: Handle refuses a null request with ArgumentNullException");
        Assert.That(() => stack.Handle(new StackRequest<int>.Peek(), null!), Throws.ArgumentNullException,
            "Step 2: Handle refuses a null stack with ArgumentNullException (a null stack is not an empty one)");
    }

    [Test]
    [Property("Step", 2)]
    public void A_stack_reply_says_whether_it_holds_an_item()
    {
        var of = StackReply<string>.Of("x");
        var empty = StackReply<string>.Empty;

        Assert.That(of.IsEmpty, Is.False, "Step 2: StackReply.Of(item) is not empty");
        Assert.That(of.Item, Is.EqualTo("x"), "Step 2: StackReply.Of(item) holds that item");
        Assert.That(empty.IsEmpty, Is.True, "Step 2: StackReply.Empty is empty");
        Assert.That(empty.Item, Is.Null, "Step 2: StackReply.Empty holds no item");
        Assert.That(StackReply<int>.Of(0), Is.Not.EqualTo(StackReply<int>.Empty),
            "Step 2: a reply holding the default value differs from Empty");
        var five = StackReply<int>.Of(5);
        Assert.That(five, Is.EqualTo(StackReply<int>.Of(5)),
            "Step 2: two replies holding the same item are equal (a reply is a value)");
    }

    [Test]
    [Property("Step", 2)]
    public void Requests_are_values()
    {
        CounterRequest up = new CounterRequest.Increment(2);
        CounterRequest down = new CounterRequest.Decrement(2);
        var push = new StackRequest<int>.Push(1);

        Assert.That(up, Is.EqualTo(new CounterRequest.Increment(2)),
            "Step 2: requests with the same fields are equal: requests are records");
        Assert.That(up, Is.Not.EqualTo(down),
            "Step 2: an Increment and a Decrement of the same amount are different requests");
        Assert.That(push, Is.EqualTo(new StackRequest<int>.Push(1)),
            "Step 2: two Push requests of the same item are equal: requests are records");
        Assert.That(push.Item, Is.EqualTo(1), "Step 2: Push keeps its item");
    }

    [Test]
    [Property("Step", 3)]
    public void A_ServerExitedException_keeps_its_message_and_reason()
    {
        var reason = new InvalidOperationException("why");

        var withReason = new ServerExitedException("ended", reason);
        var stopped = new ServerExitedException("stopped");

        Assert.That(withReason.Message, Is.EqualTo("ended"),
            "Step 3: ServerExitedException keeps the message it was given");
        Assert.That(withReason.InnerException, Is.SameAs(reason),
            "Step 3: ServerExitedException keeps the reason it was given as its inner exception");
        Assert.That(stopped.InnerException, Is.Null,
            "Step 3: a ServerExitedException made without a reason has no inner exception");
    }
}
