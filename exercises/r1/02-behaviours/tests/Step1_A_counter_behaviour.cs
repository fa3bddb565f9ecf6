using NUnit.Framework;

namespace Behaviours.Tests;

/// <summary>Step 1: a behaviour is two plain functions, Init and Handle; tested here with no server at all.</summary>
public sealed class Step1_A_counter_behaviour
{
    [Test]
    public void Init_gives_the_initial_count()
    {
        Assert.That(new CounterBehaviour().Init(), Is.Zero, "A counter created with no argument starts at zero.");
        Assert.That(new CounterBehaviour(initialCount: 7).Init(), Is.EqualTo(7),
            "Init returns the initialCount the behaviour was created with.");
    }

    [Test]
    public void Increment_replies_with_the_new_count_and_keeps_it_as_the_state()
    {
        var counter = new CounterBehaviour();

        var (reply, state) = counter.Handle(new CounterRequest.Increment(3), 10);

        Assert.That(reply, Is.EqualTo(13), "The reply to Increment is the count after adding By.");
        Assert.That(state, Is.EqualTo(13), "The next state is the new count.");
    }

    [Test]
    public void Decrement_replies_with_the_new_count_and_keeps_it_as_the_state()
    {
        var counter = new CounterBehaviour();

        var (reply, state) = counter.Handle(new CounterRequest.Decrement(4), 10);

        Assert.That(reply, Is.EqualTo(6), "The reply to Decrement is the count after taking away By.");
        Assert.That(state, Is.EqualTo(6), "Step 1: the new count after Decrement is also the next state");
    }

    [Test]
    public void Get_replies_with_the_count_and_leaves_it_unchanged()
    {
        var counter = new CounterBehaviour();

        var (reply, state) = counter.Handle(new CounterRequest.Get(), 5);

        Assert.That(reply, Is.EqualTo(5), "Get answers with the current count.");
        Assert.That(state, Is.EqualTo(5), "Get must not change the count.");
    }

    [Test]
    public void The_state_threads_from_one_Handle_to_the_next()
    {
        // This is exactly what the server of step 3 will do: keep the state one Handle returns for the next one.
        var counter = new CounterBehaviour();
        var state = counter.Init();

        (_, state) = counter.Handle(new CounterRequest.Increment(5), state);
        (_, state) = counter.Handle(new CounterRequest.Decrement(2), state);
        var (reply, _) = counter.Handle(new CounterRequest.Get(), state);

        Assert.That(reply, Is.EqualTo(3), "0 + 5 - 2: each Handle starts from the state the previous one returned.");
    }

    [Test]
    public void Handle_refuses_a_null_request()
    {
        Assert.That(() => new CounterBehaviour().Handle(null!, 0), Throws.ArgumentNullException,
            "Handle(null, 0) must throw ArgumentNullException: a null request is a bug in the caller, say so at once "
            + "(see README, step 1).");
    }
}
