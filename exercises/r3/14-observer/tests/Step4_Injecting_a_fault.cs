using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Tests;

/// <summary>Step 4: the Kill button in code: an exit signal to a child, and the wait for the child that replaces it.</summary>
public sealed class Step4_Injecting_a_fault : NodeTest
{
    protected override int Step => 4;

    [Test]
    [CancelAfter(10_000)]
    public async Task Killing_a_child_returns_the_pid_that_replaced_it(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        var before = Named("cashier");

        var after = await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync");

        var listed = (await Supervisor.WhichChildrenAsync(Node, bakery, cancellationToken)).Single(c => Equals(c.Id, "cashier")).Pid;
        Assert.That(after, Is.Not.EqualTo(before), "Step 4: the replacement is a new process, not the one killed (see README, step 4).");
        Assert.That(Node.IsAlive(before), Is.False, "Step 4: the child got the exit signal and is dead (see README, step 4).");
        Assert.That(listed, Is.EqualTo(after), "Step 4: return the pid the supervisor now lists for the child (see README, step 4).");
        GenServer.Cast(Node, after, new Sale());
        GenServer.Cast(Node, after, new Sale());
        var sales = await CompletesAsync(Sys.GetStateAsync<int>(Node, after, cancellationToken: cancellationToken), "the new cashier's state");
        var totals = await CompletesAsync(GenServer.CallAsync<(int Sales, int Loaves)>(Node, "ledger", "totals", cancellationToken: cancellationToken), "the ledger's totals");
        Assert.That((sales, totals.Sales), Is.EqualTo((2, 2)), "Step 4: the new cashier takes sales and records them with the ledger, as the old one did (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_child_exits_with_the_reason_given(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        var ledger = Named("ledger");
        var down = Inbox.Monitor(ledger);

        await CompletesAsync(Faults.CrashChildAsync(Node, "bakery", "ledger", new Atom("injected"), cancellationToken), "Faults.CrashChildAsync");

        var exit = await CompletesAsync(Inbox.ReceiveAsync<DownMessage>(d => d.Ref == down, cancellationToken: cancellationToken).AsTask(), "the DOWN of the ledger");
        Assert.That(exit!.Reason, Is.EqualTo(new Atom("injected")), "Step 4: send the exit signal with the reason given (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_child_of_a_nested_supervisor_is_crashed_through_its_own_supervisor(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        var before = Named("oven");

        var after = await CompletesAsync(Faults.CrashChildAsync(Node, "kitchen", "oven", ExitReason.Shutdown, cancellationToken), "Faults.CrashChildAsync");

        Assert.That(after, Is.Not.EqualTo(before), "Step 4: the kitchen replaced its oven (see README, step 4).");
        Assert.That(after, Is.EqualTo(Named("oven")), "Step 4: the new oven is the one registered as 'oven' now (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_unknown_child_or_a_normal_reason_is_refused(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();

        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "oven", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync"),
            Throws.ArgumentException.With.Message.Contains("oven"), "Step 4: the bakery has no child 'oven' (the kitchen has): refuse with an ArgumentException naming it (see README, step 4).");
        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", ExitReason.Normal, cancellationToken), "Faults.CrashChildAsync"),
            Throws.ArgumentException.With.Message.Contains("normal"), "Step 4: a child ignores an exit signal 'normal', so no restart would ever come: refuse it with an ArgumentException saying so (see README, step 4).");
        Assert.That(() => Faults.CrashChildAsync(Node, bakery, null!, ExitReason.Kill, cancellationToken), Throws.TypeOf<ArgumentNullException>(), "Step 4: a null child id is refused (see README, step 4).");
        Assert.That(() => Faults.CrashChildAsync(Node, bakery, "cashier", null!, cancellationToken), Throws.TypeOf<ArgumentNullException>(), "Step 4: a null reason is refused (see README, step 4).");
        Assert.That(Node.IsAlive(Named("cashier")), Is.True, "Step 4: a refused request sends no signal (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_supervisor_that_is_not_alive_is_refused_with_noproc(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        await Supervisor.StopAsync(Node, bakery, cancellationToken: cancellationToken);

        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync"),
            Throws.TypeOf<NoProcessException>(), "Step 4: a dead supervisor restarts nothing: NoProcessException at once (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task When_the_supervisor_gives_up_the_wait_ends_with_an_error(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        for (var i = 0; i < Bakery.MaxRestarts; i++)
        {
            await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", ExitReason.Kill, cancellationToken), $"Faults.CrashChildAsync, crash {i + 1}");
        }

        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync, one crash too many"),
            Throws.InvalidOperationException.With.Message.Contains("cashier"),
            $"Step 4: the {Bakery.MaxRestarts + 1}th crash within the window makes the bakery give up and exit: stop waiting then and throw an InvalidOperationException naming the child (see README, step 4).");
        Assert.That(Node.IsAlive(bakery), Is.False, "Step 4: the bakery gave up (see README, step 4).");
    }
}
