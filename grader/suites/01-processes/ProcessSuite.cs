using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Processes.Hidden;

public sealed class ProcessSuite
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private abstract record StackMessage;

    private sealed record Push(int Value) : StackMessage;

    private sealed record Pop : StackMessage;

    private sealed record Peek(ReplyTo<ImmutableStack<int>> ReplyTo) : StackMessage;

    private sealed record Echo(int Id, ReplyTo<int> ReplyTo) : StackMessage;

    private sealed record ReplyThenCrash(ReplyTo<int> ReplyTo) : StackMessage;

    private sealed record Silent(ReplyTo<int> ReplyTo) : StackMessage;

    private sealed record Crash(Exception Error) : StackMessage;

    private static Pid<StackMessage> StartStack(Action<StackMessage>? onMessage = null) =>
        Process.Spawn(ImmutableStack<int>.Empty, (ImmutableStack<int> stack, StackMessage message) =>
        {
            onMessage?.Invoke(message);
            switch (message)
            {
                case Push push:
                    return stack.Push(push.Value);
                case Pop:
                    return stack.IsEmpty ? stack : stack.Pop();
                case Peek peek:
                    peek.ReplyTo.Send(stack);
                    return stack;
                case Echo echo:
                    echo.ReplyTo.Send(echo.Id);
                    return stack;
                case ReplyThenCrash replyThenCrash:
                    replyThenCrash.ReplyTo.Send(stack.Count());
                    throw new InvalidOperationException("crashed after replying");
                case Crash crash:
                    throw crash.Error;
                default:
                    return stack;
            }
        });

    private static Task<ImmutableStack<int>> PeekAsync(Pid<StackMessage> pid, CancellationToken cancellationToken) =>
        pid.CallAsync<ImmutableStack<int>>(r => new Peek(r), Timeout).WaitAsync(cancellationToken);

    [Test]
    [CancelAfter(5000)]
    [Repeat(3)]
    [Property("Step", 3)]
    public async Task State_follows_a_random_sequence_of_messages(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var pid = StartStack();
        var expected = new Stack<int>();
        for (var i = 0; i < 200; i++)
        {
            if (random.Next(3) == 0)
            {
                pid.Send(new Pop());
                expected.TryPop(out _);
            }
            else
            {
                var value = random.Next(1000);
                pid.Send(new Push(value));
                expected.Push(value);
            }
        }

        Assert.That(await PeekAsync(pid, cancellationToken), Is.EqualTo(expected.ToArray()),
            "Step 3: the stack follows the pushes and pops: each result of the handler is the next message's state");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task A_stopped_process_completes_successfully_and_handles_nothing_more(CancellationToken cancellationToken)
    {
        var handled = 0;
        var pid = StartStack(_ => Interlocked.Increment(ref handled));
        Assert.That(pid.IsAlive, Is.True, "Step 3: a spawned process is alive until it ends");
        pid.Send(new Push(1));
        pid.Send(new Push(2));
        pid.Stop();
        pid.Send(new Push(3));
        pid.Stop();

        await pid.Completion.WaitAsync(cancellationToken);

        Assert.That(pid.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 3: a stopped process ends normally: Completion runs to completion, not faulted or cancelled");
        Assert.That(pid.IsAlive, Is.False, "Step 3: IsAlive is false once the process has ended");
        Assert.That(Volatile.Read(ref handled), Is.EqualTo(2),
            "Step 3: Stop handles the messages sent before it, and none sent after it");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public void A_crash_faults_Completion_with_the_very_exception_thrown(CancellationToken cancellationToken)
    {
        var seen = new List<StackMessage>();
        var pid = StartStack(seen.Add);
        var error = new ArgumentException("bad input");
        pid.Send(new Push(1));
        pid.Send(new Crash(error));
        pid.Send(new Push(2));

        var thrown = Assert.ThrowsAsync<ArgumentException>(
            async () => await pid.Completion.WaitAsync(cancellationToken),
            "Step 3: a handler that throws crashes the process: Completion fails with that exception");

        Assert.That(thrown, Is.SameAs(error),
            "Step 3: Completion fails with the very exception the handler threw, not a wrapper or a copy");
        Assert.That(pid.Completion.IsFaulted, Is.True, "Step 3: a crashed process's Completion is faulted");
        Assert.That(pid.IsAlive, Is.False, "Step 3: IsAlive is false once the process has crashed");
        Assert.That(seen, Has.Count.EqualTo(2), "nothing is handled after the crash");
        Assert.That(() => pid.Send(new Push(3)), Throws.Nothing,
            "Step 3: a message sent to a crashed process is dropped without an error");
        Assert.That(() => pid.Stop(), Throws.Nothing,
            "Step 3: Stop on a crashed process does nothing and does not throw");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task Many_concurrent_calls_each_get_their_own_reply(CancellationToken cancellationToken)
    {
        var pid = StartStack();
        var ids = Enumerable.Range(0, 200).ToArray();

        var replies = await Task.WhenAll(ids.Select(id =>
            Task.Run(() => pid.CallAsync<int>(r => new Echo(id, r), Timeout), cancellationToken)))
            .WaitAsync(cancellationToken);

        Assert.That(replies, Is.EqualTo(ids),
            "Step 4: each concurrent call gets the reply to its own request: is every call given a fresh ReplyTo?");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public void A_call_to_a_crashed_process_fails_with_the_crash_inside(CancellationToken cancellationToken)
    {
        var pid = StartStack();
        var error = new InvalidOperationException("earlier crash");
        pid.Send(new Crash(error));
        Assert.ThrowsAsync<InvalidOperationException>(async () => await pid.Completion.WaitAsync(cancellationToken),
            "Step 4: the process crashes with the exception its handler threw");

        var exited = Assert.ThrowsAsync<ProcessExitedException>(async () => await PeekAsync(pid, cancellationToken),
            "Step 4: a call to a crashed process fails with ProcessExitedException");

        Assert.That(exited?.InnerException, Is.SameAs(error),
            "Step 4: the ProcessExitedException carries the crash as its inner exception");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task A_call_to_a_stopped_process_fails_with_no_inner_exception(CancellationToken cancellationToken)
    {
        var pid = StartStack();
        pid.Stop();
        await pid.Completion.WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ProcessExitedException>(async () => await PeekAsync(pid, cancellationToken),
            "Step 4: a call to a stopped process fails with ProcessExitedException");

        Assert.That(exited?.InnerException, Is.Null,
            "Step 4: after a normal stop the ProcessExitedException has no inner exception");
        Assert.That(exited?.Message, Does.Contain("ended"), "the message says the process ended");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task A_call_pending_when_the_process_stops_fails_without_waiting_for_the_timeout(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var pid = StartStack();

        var calling = pid.CallAsync<int>(r => new Silent(r), Timeout, time);
        pid.Stop();
        await pid.Completion.WaitAsync(cancellationToken);

        Assert.That(async () => await calling.WaitAsync(cancellationToken), Throws.TypeOf<ProcessExitedException>(),
            "Step 4: a call pending when the process ends fails with ProcessExitedException, before its timeout");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task A_reply_sent_just_before_a_crash_still_answers_the_call(CancellationToken cancellationToken)
    {
        var pid = StartStack();
        pid.Send(new Push(5));
        pid.Send(new Push(6));

        var reply = await pid.CallAsync<int>(r => new ReplyThenCrash(r), Timeout).WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(2), "Step 4: a reply sent before the handler crashed still answers the call");
        Assert.ThrowsAsync<InvalidOperationException>(async () => await pid.Completion.WaitAsync(cancellationToken),
            "Step 4: the handler threw after replying: the process crashes with that exception");
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(3)]
    [Property("Step", 4)]
    public async Task A_call_waits_exactly_its_timeout_on_the_given_clock(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(2, 30_000));
        var time = new FakeTimeProvider();
        var pid = StartStack();

        var calling = pid.CallAsync<int>(r => new Silent(r), timeout, time);
        // The process has handled the request once a later call is answered: only then is the wait meaningful.
        await PeekAsync(pid, cancellationToken);
        time.Advance(timeout - TimeSpan.FromMilliseconds(1));
        Assert.That(calling.IsCompleted, Is.False, $"the call gave up before {timeout}");
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(async () => await calling.WaitAsync(cancellationToken),
            Throws.TypeOf<TimeoutException>().With.Message.Contains(timeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.CurrentCulture)),
            "the timeout's message says how long the caller waited");
        Assert.That(pid.IsAlive, Is.True, "a call that timed out leaves the process running");
        Assert.That(await PeekAsync(pid, cancellationToken), Is.Empty,
            "Step 4: after a timed-out call the process still answers, its state unchanged (an empty stack)");
    }

    [Test]
    [Property("Step", 3)]
    public void Spawn_checks_its_handler()
    {
        Assert.That(() => Process.Spawn<int, int>(0, null!), Throws.ArgumentNullException,
            "Step 3: Spawn refuses a null handler at once with ArgumentNullException (see README, step 3)");
    }

    [Test]
    [Property("Step", 4)]
    public void Call_checks_its_request_builder()
    {
        var pid = StartStack();
        Assert.That(async () => await pid.CallAsync<int>(null!, Timeout), Throws.ArgumentNullException,
            "Step 4: CallAsync refuses a null request builder with ArgumentNullException");
        pid.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task Only_one_of_many_racing_replies_is_accepted(CancellationToken cancellationToken)
    {
        var replyTo = new ReplyTo<int>();
        var accepted = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => replyTo.Send(i), cancellationToken)));

        Assert.That(accepted.Count(a => a), Is.EqualTo(1),
            "Step 4: a ReplyTo accepts exactly one reply: Send returns true once, false after");
        Assert.That(accepted.Select((a, i) => (a, i)).Single(x => x.a).i, Is.EqualTo(await replyTo.Reply),
            "Step 4: the Reply task holds the one reply that was accepted");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Separate_processes_keep_separate_state(CancellationToken cancellationToken)
    {
        var first = StartStack();
        var second = StartStack();
        first.Send(new Push(1));
        second.Send(new Push(2));
        second.Send(new Push(3));

        Assert.That(await PeekAsync(first, cancellationToken), Is.EqualTo(new[] { 1 }),
            "Step 3: each process keeps its own state: the first stack holds only what was pushed to it");
        Assert.That(await PeekAsync(second, cancellationToken), Is.EqualTo(new[] { 3, 2 }),
            "Step 3: each process keeps its own state: the second stack holds only what was pushed to it");
    }
}
