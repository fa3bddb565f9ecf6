using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Hidden;

[Property("Step", 3)]
public sealed class RestartCounterSuite : HiddenTest
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Random_crashes_are_counted_per_child(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var bakery = await StartBakeryAsync();
        using var counter = RestartCounter.Attach(Node, bakery);
        var expected = new System.Collections.Generic.Dictionary<string, int> { ["ledger"] = 0, ["cashier"] = 0, ["kitchen"] = 0 };
        var crashes = random.Next(1, Bakery.MaxRestarts + 1);
        for (var i = 1; i <= crashes; i++)
        {
            var id = new[] { "ledger", "cashier", "kitchen" }[random.Next(3)];
            var restarted = RestartsReported(bakery, 1);
            Node.Exit(Named(id), ExitReason.Kill); // kill: the kitchen is a supervisor, which traps other exit signals
            await CompletesAsync(restarted, $"the restart of {id}");
            expected[id]++;
        }

        Assert.That(counter.Total, Is.EqualTo(crashes), $"{crashes} crashes, {crashes} restarts (see README, step 3).");
        foreach (var (id, count) in expected)
        {
            Assert.That(counter.Of(id), Is.EqualTo(count), $"restarts of {id} (see README, step 3).");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Ids_are_compared_as_text_and_unknown_ids_count_zero(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Idle()) with { Id = 42 }]);
        using var counter = RestartCounter.Attach(Node, root);
        var restarted = RestartsReported(root, 1);
        var child = (await Supervisor.WhichChildrenAsync(Node, root, cancellationToken))[0].Pid!;
        Node.Exit(child, ExitReason.Kill);
        await CompletesAsync(restarted, "the restart of child 42");

        Assert.That(counter.Of(42), Is.EqualTo(1), "(see README, step 3)");
        Assert.That(counter.Of("42"), Is.EqualTo(1), "ids are compared as text (see README, step 3).");
        Assert.That(counter.Of("43"), Is.Zero, "an id never restarted counts 0 (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Restarts_before_attaching_are_not_counted(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync(crashEvery: 1);
        var before = RestartsReported(bakery, 1);
        GenServer.Cast(Node, "cashier", new Sale());
        await CompletesAsync(before, "the first restart");

        using var counter = RestartCounter.Attach(Node, bakery);
        var after = RestartsReported(bakery, 1);
        GenServer.Cast(Node, "cashier", new Sale());
        await CompletesAsync(after, "the second restart");

        Assert.That(counter.Total, Is.EqualTo(1), "a counter counts from the moment it is attached (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_counters_on_one_supervisor_both_count(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        using var one = RestartCounter.Attach(Node, bakery);
        using var two = RestartCounter.Attach(Node, bakery);
        var restarted = RestartsReported(bakery, 1);
        Node.Exit(Named("ledger"), ExitReason.Kill);
        await CompletesAsync(restarted, "the ledger's restart");

        Assert.That((one.Total, two.Total), Is.EqualTo((1, 1)), "(see README, step 3)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_supervisor_that_gives_up_made_only_its_restarts(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        using var counter = RestartCounter.Attach(Node, bakery);
        var all = RestartsReported(bakery, Bakery.MaxRestarts);
        for (var i = 0; i < Bakery.MaxRestarts; i++)
        {
            var next = RestartsReported(bakery, 1);
            Node.Exit(Named("cashier"), ExitReason.Kill);
            await CompletesAsync(next, $"restart {i + 1}");
        }

        await CompletesAsync(all, "every restart");
        var gaveUp = new TaskCompletionSource();
        void OnReport(SupervisorReport report)
        {
            if (report.Supervisor == bakery && report.Kind == SupervisorReportKind.Shutdown)
            {
                gaveUp.TrySetResult();
            }
        }

        Node.SupervisorReported += OnReport; // after the counter's: when it hears the give-up, so has the counter
        var terminated = new TaskCompletionSource();
        void OnTerminated(SupervisorReport report)
        {
            if (report.Supervisor == bakery && report.Kind == SupervisorReportKind.ChildTerminated)
            {
                terminated.TrySetResult();
            }
        }

        Node.SupervisorReported += OnTerminated;
        Node.Exit(Named("cashier"), ExitReason.Kill);
        await CompletesAsync(gaveUp.Task, "the bakery's report that it gave up");
        await CompletesAsync(terminated.Task, "the bakery's report that the cashier terminated");
        Node.SupervisorReported -= OnReport;
        Node.SupervisorReported -= OnTerminated;

        Assert.That(counter.Total, Is.EqualTo(Bakery.MaxRestarts),
            "a supervisor that gives up restarts nothing more: its terminated and shutdown reports are no restarts (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public void Null_arguments_are_refused(CancellationToken cancellationToken)
    {
        Assert.That(() => RestartCounter.Attach(null!, Inbox.Self), Throws.TypeOf<ArgumentNullException>(), "Step 3: Attach should refuse a null node");
        Assert.That(() => RestartCounter.Attach(Node, null!), Throws.TypeOf<ArgumentNullException>(), "Step 3: Attach should refuse a null supervisor");
        using var counter = RestartCounter.Attach(Node, Inbox.Self);
        Assert.That(() => counter.Of(null!), Throws.TypeOf<ArgumentNullException>(), "Step 3: Of should refuse a null child id");
        Assert.That(counter.Total, Is.Zero, "Step 3: a new counter should count 0 before any restart");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Disposing_twice_is_harmless_and_the_counts_stay(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        var counter = RestartCounter.Attach(Node, bakery);
        var restarted = RestartsReported(bakery, 1);
        Node.Exit(Named("kitchen"), ExitReason.Kill);
        await CompletesAsync(restarted, "the kitchen's restart");

        counter.Dispose();
        counter.Dispose();

        Assert.That((counter.Total, counter.Of("kitchen")), Is.EqualTo((1, 1)), "the counts stay after Dispose (see README, step 3).");
    }
}
