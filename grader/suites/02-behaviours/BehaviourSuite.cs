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
        Assert.That(state, Is.EqualTo(initial));

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

        Assert.That(new CounterRequest.Increment().By, Is.EqualTo(1));
        Assert.That(new CounterRequest.Decrement().By, Is.EqualTo(1));
        Assert.That(counter.Handle(new CounterRequest.Increment(), 41), Is.EqualTo((42, 42)));
        Assert.That(counter.Handle(new CounterRequest.Decrement(), 41), Is.EqualTo((40, 40)));
    }

    [Test]
    [Property("Step", 1)]
    public void The_counter_keeps_no_state_of_its_own()
    {
        // A behaviour is a pure function: the same request on the same state gives the same answer, however often,
        // and one instance serves any number of states.
        var counter = new CounterBehaviour(initialCount: 3);

        Assert.That(counter.Handle(new CounterRequest.Increment(2), 5), Is.EqualTo((7, 7)));
        Assert.That(counter.Handle(new CounterRequest.Increment(2), 5), Is.EqualTo((7, 7)));
        Assert.That(counter.Handle(new CounterRequest.Get(), -9), Is.EqualTo((-9, -9)));
        Assert.That(counter.Init(), Is.EqualTo(3));
        Assert.That(counter.Init(), Is.EqualTo(3), "Init gives the same initial state every time it is called.");
    }

    [Test]
    [Property("Step", 1)]
    public void The_counter_refuses_a_null_request()
    {
        Assert.That(() => new CounterBehaviour().Handle(null!, 0), Throws.ArgumentNullException);
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
        Assert.That(pushed, Is.EqualTo(new[] { "c", "b", "a" }));
        Assert.That(popped, Is.EqualTo(new[] { "a" }));
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
            Assert.That(reply, Is.EqualTo(StackReply<int>.Empty));
            Assert.That(reply.IsEmpty, Is.True);
            Assert.That(state, Is.Empty);
            empty = state;
        }

        var (lastOut, afterPop) = stack.Handle(new StackRequest<int>.Pop(), ImmutableStack.Create(0));
        Assert.That(lastOut, Is.EqualTo(StackReply<int>.Of(0)), "popping the last item, even a default value, is not Empty");
        Assert.That(lastOut.IsEmpty, Is.False);
        Assert.That(afterPop, Is.Empty);
    }

    [Test]
    [Property("Step", 2)]
    public void The_stack_refuses_a_null_request_or_state()
    {
        var stack = new StackBehaviour<int>();

        Assert.That(() => stack.Handle(null!, stack.Init()), Throws.ArgumentNullException);
        Assert.That(() => stack.Handle(new StackRequest<int>.Peek(), null!), Throws.ArgumentNullException);
    }

    [Test]
    [Property("Step", 2)]
    public void A_stack_reply_says_whether_it_holds_an_item()
    {
        var of = StackReply<string>.Of("x");
        var empty = StackReply<string>.Empty;

        Assert.That(of.IsEmpty, Is.False);
        Assert.That(of.Item, Is.EqualTo("x"));
        Assert.That(empty.IsEmpty, Is.True);
        Assert.That(empty.Item, Is.Null);
        Assert.That(StackReply<int>.Of(0), Is.Not.EqualTo(StackReply<int>.Empty));
        var five = StackReply<int>.Of(5);
        Assert.That(five, Is.EqualTo(StackReply<int>.Of(5)));
    }

    [Test]
    [Property("Step", 2)]
    public void Requests_are_values()
    {
        CounterRequest up = new CounterRequest.Increment(2);
        CounterRequest down = new CounterRequest.Decrement(2);
        var push = new StackRequest<int>.Push(1);

        Assert.That(up, Is.EqualTo(new CounterRequest.Increment(2)));
        Assert.That(up, Is.Not.EqualTo(down));
        Assert.That(push, Is.EqualTo(new StackRequest<int>.Push(1)));
        Assert.That(push.Item, Is.EqualTo(1));
    }

    [Test]
    [Property("Step", 3)]
    public void A_ServerExitedException_keeps_its_message_and_reason()
    {
        var reason = new InvalidOperationException("why");

        var withReason = new ServerExitedException("ended", reason);
        var stopped = new ServerExitedException("stopped");

        Assert.That(withReason.Message, Is.EqualTo("ended"));
        Assert.That(withReason.InnerException, Is.SameAs(reason));
        Assert.That(stopped.InnerException, Is.Null);
    }
}
