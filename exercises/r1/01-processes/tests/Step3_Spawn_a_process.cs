using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Processes.Tests;

/// <summary>Step 3: a process is a loop over a mailbox that carries its state from one message to the next.</summary>
public sealed class Step3_Spawn_a_process
{
    [Test]
    [CancelAfter(2000)]
    public async Task A_process_carries_its_state_from_one_message_to_the_next(CancellationToken cancellationToken)
    {
        // The probe is the test's own mailbox: the process reports each new state to it.
        var probe = new Mailbox<int>();
        var pid = Process.Spawn(0, (int sum, int n) =>
        {
            var next = sum + n;
            probe.Send(next);
            return next;
        });

        pid.Send(1);
        pid.Send(2);
        pid.Send(3);

        Assert.That(await NextReportAsync(probe, pid, cancellationToken), Is.EqualTo(1),
            "Step 3: the first message sees the initial state 0: 0 + 1 = 1");
        Assert.That(await NextReportAsync(probe, pid, cancellationToken), Is.EqualTo(3), "The second message sees the state the first one left.");
        Assert.That(await NextReportAsync(probe, pid, cancellationToken), Is.EqualTo(6),
            "Step 3: the third message sees the state the second left: 3 + 3 = 6");
    }

    /// <summary>
    /// Waits for the process's next report, or for the process to end, whichever comes first, so a process that
    /// crashed shows its exception here instead of making the test wait for its timeout.
    /// </summary>
    private static async Task<int> NextReportAsync(Mailbox<int> probe, Pid<int> pid, CancellationToken cancellationToken)
    {
        var report = probe.ReceiveAsync(cancellationToken).AsTask();
        await Task.WhenAny(report, pid.Completion);
        if (!report.IsCompleted)
        {
            await pid.Completion; // rethrows the crash, if the process crashed
            Assert.Fail("The process ended before it handled every message sent to it.");
        }

        return await report;
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Stop_ends_the_process_after_the_messages_already_sent(CancellationToken cancellationToken)
    {
        var handled = new Mailbox<string>();
        var pid = Process.Spawn(0, (int count, string message) =>
        {
            handled.Send(message);
            return count + 1;
        });

        pid.Send("a");
        pid.Send("b");
        pid.Stop();
        await pid.Completion.WaitAsync(cancellationToken);

        Assert.That(pid.IsAlive, Is.False, "Once Completion has finished, the process is no longer alive.");
        Assert.That(handled.Count, Is.EqualTo(2), "Both messages sent before Stop are handled before the process ends.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_crash_in_the_handler_ends_the_process_with_that_exception(CancellationToken cancellationToken)
    {
        var pid = Process.Spawn(0, (int state, string message) =>
            message == "boom" ? throw new InvalidOperationException("boom") : state);

        pid.Send("boom");

        var crash = Assert.ThrowsAsync<InvalidOperationException>(async () => await pid.Completion.WaitAsync(cancellationToken),
            "Completion should fail with the handler's own exception when the process crashes.");
        Assert.That(crash?.Message, Is.EqualTo("boom"),
            "Step 3: Completion fails with the exception the handler threw, not a new one");
        Assert.That(pid.IsAlive, Is.False, "Step 3: a crashed process is no longer alive");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Messages_sent_to_an_ended_process_are_dropped_without_an_error(CancellationToken cancellationToken)
    {
        var pid = Process.Spawn(0, (int state, int n) => state + n);
        pid.Stop();
        await pid.Completion.WaitAsync(cancellationToken);

        Assert.That(() => pid.Send(1), Throws.Nothing, "Sending to a dead process is not an error in Erlang, nor here.");
    }

    [Test]
    public void Spawn_refuses_a_null_handler_with_ArgumentNullException()
    {
        Assert.That(() => Process.Spawn<int, int>(0, null!), Throws.ArgumentNullException,
            "Spawn(state, null) must throw ArgumentNullException at once: a process without a handler would only " +
            "crash later, on its first message, far from the mistake (see README, step 3).");
    }
}
