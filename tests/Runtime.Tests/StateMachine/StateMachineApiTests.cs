using Otp;

namespace Runtime.Tests;

/// <summary>The gen_statem module's functions, each callable from a process and from outside one.</summary>
public sealed class StateMachineApiTests : StateMachineTest
{
    [Test, CancelAfter(5000)]
    public async Task A_process_casts_to_and_stops_a_machine_with_the_same_functions_as_outside_code(CancellationToken ct)
    {
        var pid = await Start();

        StateMachine.Cast(Inbox, pid, "bump");
        Assert.That(await StateMachine.CallAsync<int>(Inbox, pid, "data", cancellationToken: ct), Is.EqualTo(1));
        await StateMachine.StopAsync(Inbox, pid, ExitReason.Shutdown, cancellationToken: ct);

        Assert.That(await Witness.Next<Terminated>(ct), Is.EqualTo(new Terminated(ExitReason.Shutdown, "start", 1)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_caller_may_give_up_waiting_for_a_stop_and_the_machine_still_stops(CancellationToken ct)
    {
        var hold = new SemaphoreSlim(0);
        var pid = await Start(gate: e => e.Content is "busy" ? hold.WaitAsync(ct) : Task.CompletedTask);
        StateMachine.Cast(Node, pid, "busy");
        await NextSeen(ct); // held: the stop request waits in the mailbox
        using var giveUp = new CancellationTokenSource();

        var stop = StateMachine.StopAsync(Node, pid, cancellationToken: giveUp.Token);
        await giveUp.CancelAsync();

        Assert.That(async () => await stop, Throws.InstanceOf<OperationCanceledException>());
        hold.Release();
        Assert.That(await Witness.Next<Terminated>(ct), Is.EqualTo(new Terminated(ExitReason.Normal, "start", 1)));
    }

    [Test]
    public void A_negative_stop_timeout_is_refused_before_the_machine_is_contacted() =>
        Assert.That(
            () => StateMachine.StopAsync(Node, Witness.Self, timeout: TimeSpan.FromSeconds(-2)),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("timeout"));
}
