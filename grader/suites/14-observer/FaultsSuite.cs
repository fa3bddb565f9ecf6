using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Hidden;

[Property("Step", 4)]
public sealed class FaultsSuite : HiddenTest
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Under_one_for_all_the_pid_of_the_crashed_child_is_returned(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node,
            [ChildSpec.For(() => new Idle()) with { Id = "a" }, ChildSpec.For(() => new Idle()) with { Id = "b" }, ChildSpec.For(() => new Idle()) with { Id = "c" }],
            new SupervisorOptions { Strategy = SupervisorStrategy.OneForAll, MaxRestarts = 10 });

        var b = await CompletesAsync(Faults.CrashChildAsync(Node, root, "b", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync");

        var listed = (await Supervisor.WhichChildrenAsync(Node, root, cancellationToken)).Single(c => Equals(c.Id, "b")).Pid;
        Assert.That(b, Is.EqualTo(listed), "every child restarts under one_for_all: return the one with the id asked for (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Ids_are_compared_as_text(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Idle()) with { Id = 5 }]);
        var old = (await Supervisor.WhichChildrenAsync(Node, root, cancellationToken))[0].Pid;

        var replaced = await CompletesAsync(Faults.CrashChildAsync(Node, root, "5", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync");

        Assert.That(replaced, Is.Not.EqualTo(old), "the id 5 matches \"5\" (see README, step 4).");
        Assert.That(Node.IsAlive(replaced), Is.True, "(see README, step 4)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_exception_as_reason_reaches_the_child(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        var reason = new InvalidOperationException("injected");
        var monitor = Inbox.Monitor(Named("cashier"));

        await CompletesAsync(Faults.CrashChildAsync(Node, "bakery", "cashier", reason, cancellationToken), "Faults.CrashChildAsync");

        var down = await CompletesAsync(Inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor, cancellationToken: cancellationToken).AsTask(), "the DOWN of the cashier");
        Assert.That(down!.Reason, Is.SameAs(reason), "the exit signal carries the reason given (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_dead_supervisor_is_refused_with_noproc(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        await Supervisor.StopAsync(Node, bakery, cancellationToken: cancellationToken);

        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync"),
            Throws.TypeOf<NoProcessException>(), "(see README, step 4)");
        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, "bakery", "cashier", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync"),
            Throws.TypeOf<NoProcessException>(), "(see README, step 4)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_child_that_is_not_running_is_refused(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        await Supervisor.TerminateChildAsync(Node, bakery, "cashier", cancellationToken);

        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", ExitReason.Kill, cancellationToken), "Faults.CrashChildAsync"),
            Throws.ArgumentException.With.Message.Contains("cashier"), "no running child 'cashier': ArgumentException naming it (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_normal_reason_is_refused_before_any_signal(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        var cashier = Named("cashier");

        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "cashier", new Atom("normal"), cancellationToken), "Faults.CrashChildAsync"),
            Throws.ArgumentException.With.Message.Contains("normal"), "the refusal says why: normal is ignored (see README, step 4)");
        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, "nobody", "cashier", ExitReason.Normal, cancellationToken), "Faults.CrashChildAsync"),
            Throws.ArgumentException, "the reason is checked first (see README, step 4)");
        Assert.That(Named("cashier"), Is.EqualTo(cashier), "Step 4: a refused crash must send no signal: the cashier should keep its pid");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_temporary_child_is_not_replaced_and_the_wait_ends_with_the_token(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Idle()) with { Id = "t", Restart = RestartType.Temporary }]);
        var child = (await Supervisor.WhichChildrenAsync(Node, root, cancellationToken))[0].Pid!;
        using var giveUp = new CancellationTokenSource();

        var crash = Faults.CrashChildAsync(Node, root, "t", ExitReason.Kill, giveUp.Token);
        await CompletesAsync(Node.WaitForExitAsync(child, cancellationToken), "the temporary child's exit");
        await giveUp.CancelAsync();

        Assert.That(async () => await CompletesAsync(crash, "Faults.CrashChildAsync after its token was cancelled"),
            Throws.InstanceOf<OperationCanceledException>(), "a cancelled token ends the wait (see README, step 4).");
        Assert.That(Node.IsAlive(root), Is.True, "(see README, step 4)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Null_arguments_are_refused(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        Assert.That(async () => await Faults.CrashChildAsync(null!, "bakery", "cashier", ExitReason.Kill, cancellationToken), Throws.TypeOf<ArgumentNullException>(), "Step 4: CrashChildAsync should refuse a null node");
        Assert.That(async () => await Faults.CrashChildAsync(Node, "bakery", null!, ExitReason.Kill, cancellationToken), Throws.TypeOf<ArgumentNullException>(), "Step 4: CrashChildAsync should refuse a null child id");
        Assert.That(async () => await Faults.CrashChildAsync(Node, "bakery", "cashier", null!, cancellationToken), Throws.TypeOf<ArgumentNullException>(), "Step 4: CrashChildAsync should refuse a null reason");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Crashes_in_a_row_each_return_a_new_pid_until_the_supervisor_gives_up(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var bakery = await StartBakeryAsync();
        var seen = new System.Collections.Generic.HashSet<Pid>();
        for (var i = 0; i < Bakery.MaxRestarts; i++)
        {
            var id = new[] { "ledger", "cashier", "kitchen" }[random.Next(3)];
            var before = Named(id);
            var after = await CompletesAsync(Faults.CrashChildAsync(Node, bakery, id, ExitReason.Kill, cancellationToken), $"crash {i + 1} of {id}");
            Assert.That(after, Is.Not.EqualTo(before).And.EqualTo(Named(id)), $"crash {i + 1} of {id} (see README, step 4).");
            Assert.That(seen.Add(after), Is.True, "every replacement is a new process (see README, step 4).");
        }

        Assert.That(async () => await CompletesAsync(Faults.CrashChildAsync(Node, bakery, "ledger", ExitReason.Kill, cancellationToken), "one crash too many"),
            Throws.InvalidOperationException.With.Message.Contains("ledger"), "the supervisor gave up: InvalidOperationException naming the child (see README, step 4).");
    }
}
