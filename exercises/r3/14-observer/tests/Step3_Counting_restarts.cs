using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Tests;

/// <summary>Step 3: the restart counts of the Applications page, counted from a supervisor's reports.</summary>
public sealed class Step3_Counting_restarts : NodeTest
{
    protected override int Step => 3;

    [Test]
    [CancelAfter(10_000)]
    public async Task Each_restart_of_a_child_counts_one(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync(crashEvery: 2);
        using var counter = RestartCounter.Attach(Node, bakery);
        var first = RestartsReported(bakery, 1);
        var both = RestartsReported(bakery, 2);

        Sell(2); // the cashier crashes on its 2nd sale
        await CompletesAsync(first, "the bakery's report that it restarted the cashier");
        Sell(2); // and so does its replacement
        await CompletesAsync(both, "the bakery's reports of two restarts of the cashier");

        Assert.That(counter.Total, Is.EqualTo(2),
            $"Step 3: two crashes, two restarts (a crash reports 'terminated' and then 'restarted': count only the restart); got {counter.Total} (see README, step 3).");
        Assert.That(counter.Of("cashier"), Is.EqualTo(2), "Step 3: both restarts were of the child 'cashier' (see README, step 3).");
        Assert.That(counter.Of("ledger"), Is.Zero, "Step 3: the ledger never restarted (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Restarts_made_by_another_supervisor_are_not_counted(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        var kitchen = Named("kitchen");
        using var bakeryCounter = RestartCounter.Attach(Node, bakery);
        using var kitchenCounter = RestartCounter.Attach(Node, kitchen);
        var restarted = RestartsReported(kitchen, 1);

        Node.Exit(Named("oven"), ExitReason.Kill);
        await CompletesAsync(restarted, "the kitchen's report that it restarted the oven");

        Assert.That(kitchenCounter.Of("oven"), Is.EqualTo(1), "Step 3: the kitchen restarted its oven once (see README, step 3).");
        Assert.That(bakeryCounter.Total, Is.Zero,
            "Step 3: the oven is the kitchen's child, not the bakery's: a counter counts the restarts of its own supervisor only (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Ids_are_compared_as_text(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Idle()) with { Id = 42 }]);
        using var counter = RestartCounter.Attach(Node, root);
        var restarted = RestartsReported(root, 1);

        Node.Exit((await Supervisor.WhichChildrenAsync(Node, root, cancellationToken))[0].Pid!, ExitReason.Kill);
        await CompletesAsync(restarted, "the supervisor's report that it restarted child 42");

        Assert.That(counter.Of(42), Is.EqualTo(1), "Step 3: the child with id 42 restarted once (see README, step 3).");
        Assert.That(counter.Of("42"), Is.EqualTo(1), "Step 3: ids are compared as text: \"42\" is the child 42 (see README, step 3).");
        Assert.That(() => counter.Of(null!), Throws.TypeOf<ArgumentNullException>(), "Step 3: Of refuses a null id (see README, step 3).");
        Assert.That(() => RestartCounter.Attach(null!, root), Throws.TypeOf<ArgumentNullException>(), "Step 3: Attach refuses a null node (see README, step 3).");
        Assert.That(() => RestartCounter.Attach(Node, null!), Throws.TypeOf<ArgumentNullException>(), "Step 3: Attach refuses a null supervisor (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_disposed_counter_stops_counting(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync(crashEvery: 1);
        var counter = RestartCounter.Attach(Node, bakery);
        var first = RestartsReported(bakery, 1);
        Sell(1);
        await CompletesAsync(first, "the bakery's report of the first restart");

        counter.Dispose();
        var second = RestartsReported(bakery, 1);
        Sell(1);
        await CompletesAsync(second, "the bakery's report of the second restart");

        Assert.That(counter.Total, Is.EqualTo(1), "Step 3: a restart after Dispose is not counted (see README, step 3).");
        Assert.That(counter.Of("cashier"), Is.EqualTo(1), "Step 3: a restart after Dispose is not counted for its child either (see README, step 3).");
    }
}
