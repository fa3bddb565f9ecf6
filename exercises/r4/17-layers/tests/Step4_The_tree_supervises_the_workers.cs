using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Layers.Tests;

/// <summary>Step 4: the lifecycle: a supervision tree starts the workers on demand and starts a crashed one again under its name.</summary>
public sealed class Step4_The_tree_supervises_the_workers : NodeTest
{
    protected override int Step => 4;

    private readonly Registry _names = new(RegistryKeys.Unique);

    private Task<Pid> StartTreeAsync() => WithinAsync(Supervisor.StartAsync(Node, new PollTree(_names)), "the PollTree to start");

    private async Task<Pid> OpenAsync(Pid tree, string poll, Poll opened)
    {
        var pid = await WithinAsync(DynamicSupervisor.StartChildAsync(Node, PollTree.WorkersName(_names), PollServer.Spec(_names, poll, opened)),
            $"the worker of \"{poll}\" to start under the workers supervisor", tree, "the tree");
        Assert.That(pid, Is.Not.Null, $"Step 4: the worker of \"{poll}\" started (StartChildAsync gave no pid) {See}.");
        return pid!;
    }

    // After a crash: the supervisor handles the EXIT before this call (links fire before monitors, and its mailbox is in
    // order), so once it answers, the restart is done.
    private Task<System.Collections.Generic.IReadOnlyList<ChildInfo>> WorkersAsync(Pid tree) =>
        WithinAsync(DynamicSupervisor.WhichChildrenAsync(Node, PollTree.WorkersName(_names)), "the workers supervisor's children", tree, "the tree");

    [Test]
    [CancelAfter(10_000)]
    public async Task The_tree_runs_one_dynamic_supervisor_registered_as_the_workers(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();

        var children = await WithinAsync(Supervisor.WhichChildrenAsync(Node, tree), "the tree's children", tree, "the tree");

        Assert.That(children, Has.Count.EqualTo(1), $"Step 4: the tree has one child, the workers supervisor. Got {children.Count} {See}.");
        Assert.That(children[0].Type, Is.EqualTo(ChildType.Supervisor), $"Step 4: the tree's child is a supervisor {See}.");
        Assert.That(GenServer.WhereIs(Node, PollTree.WorkersName(_names)), Is.EqualTo(children[0].Pid),
            $"Step 4: the tree's child is registered under PollTree.WorkersName(names) {See}.");
        var counts = await WithinAsync(DynamicSupervisor.CountChildrenAsync(Node, PollTree.WorkersName(_names)), "the workers' count", tree, "the tree");
        Assert.That(counts.Active, Is.Zero, $"Step 4: with no poll open, the workers supervisor has no children {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_worker_started_under_the_workers_is_found_by_its_name(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var opened = PollCore.Open("Lunch?", ["pizza", "sushi"]);

        var worker = await OpenAsync(tree, "lunch", opened);

        Assert.That(GenServer.WhereIs(Node, PollServer.Name(_names, "lunch")), Is.EqualTo(worker),
            $"Step 4: PollServer.Spec registers the worker under PollServer.Name(names, poll) {See}.");
        Assert.That((await WorkersAsync(tree)).Select(c => c.Pid), Is.EqualTo(new[] { worker }),
            $"Step 4: the worker is a child of the workers supervisor {See}.");
        Assert.That(await WithinAsync(Sys.GetStateAsync<Poll>(Node, worker), "the worker's state", worker, "the worker"), Is.SameAs(opened),
            $"Step 4: the worker started from PollServer.Spec holds the poll it was given {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_second_worker_for_an_open_poll_name_is_refused_as_already_started(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var worker = await OpenAsync(tree, "lunch", PollCore.Open("Lunch?", ["pizza", "sushi"]));

        var second = DynamicSupervisor.StartChildAsync(Node, PollTree.WorkersName(_names), PollServer.Spec(_names, "lunch", PollCore.Open("Other?", ["a", "b"])));

        Assert.That(async () => await second.WaitAsync(Patience, cancellationToken),
            Throws.InstanceOf<StartFailedException>().With.Property(nameof(StartFailedException.Reason)).Matches<object>(
                r => r is ITuple { Length: 2 } t && Equals(t[0], new Atom("already_started")) && Equals(t[1], worker)),
            $"Step 4: one name, one worker: a second start under the same name fails with (already_started, pid of the first) {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_worker_comes_back_under_its_name_with_the_poll_it_was_opened_with(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var opened = PollCore.Open("Lunch?", ["pizza", "sushi"]);
        var worker = await OpenAsync(tree, "lunch", opened);
        await WithinAsync(PollServer.VoteAsync(Node, PollServer.Name(_names, "lunch"), "ann", "sushi"), "ann's vote", worker, "the worker");
        var exit = Watch(worker);

        await WithinAsync(GenServer.StopAsync(Node, worker, Crash), "the worker to crash");
        await ExitReasonAsync(exit, "the crashed worker");
        var workers = await WorkersAsync(tree);

        var again = GenServer.WhereIs(Node, PollServer.Name(_names, "lunch"));
        Assert.That(again, Is.Not.Null.And.Not.EqualTo(worker),
            $"Step 4: the workers supervisor starts a crashed worker again, a new process under the same name (workers are permanent) {See}.");
        Assert.That(workers.Select(c => c.Pid), Is.EqualTo(new[] { again }), $"Step 4: the new worker is the supervisor's child {See}.");
        var state = await WithinAsync(Sys.GetStateAsync<Poll>(Node, again!), "the new worker's state", again, "the new worker");
        Assert.That(state.ToString(), Is.EqualTo(opened.ToString()),
            $"Step 4: the new worker starts from the poll as it was opened (the votes lived in the crashed process). Got {state} {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_of_one_poll_leaves_the_other_polls_and_their_votes_alone(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var lunch = await OpenAsync(tree, "lunch", PollCore.Open("Lunch?", ["pizza", "sushi"]));
        var drink = await OpenAsync(tree, "drink", PollCore.Open("Drink?", ["tea", "coffee"]));
        await WithinAsync(PollServer.VoteAsync(Node, PollServer.Name(_names, "drink"), "ann", "tea"), "ann's vote", drink, "the drink worker");
        var exit = Watch(lunch);

        await WithinAsync(GenServer.StopAsync(Node, lunch, Crash), "the lunch worker to crash");
        await ExitReasonAsync(exit, "the crashed lunch worker");
        await WorkersAsync(tree);

        Assert.That(GenServer.WhereIs(Node, PollServer.Name(_names, "drink")), Is.EqualTo(drink),
            $"Step 4: a crash of the lunch poll leaves the drink poll's worker running, same pid (one_for_one) {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, drink), "the drink report", drink, "the drink worker"),
            Is.EqualTo("Drink? | tea 1 | coffee 0 | 1 vote"), $"Step 4: the drink poll keeps its votes {See}.");
        Assert.That(Node.IsAlive(tree), Is.True, $"Step 4: the tree runs on {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_named_workers_does_not_take_the_workers_supervisors_name(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var supervisor = GenServer.WhereIs(Node, PollTree.WorkersName(_names));

        var worker = await OpenAsync(tree, "workers", PollCore.Open("Workers?", ["bees", "ants"]));

        Assert.That(GenServer.WhereIs(Node, PollServer.Name(_names, "workers")), Is.EqualTo(worker),
            $"Step 4: a poll may be called \"workers\": its key in the registry is of another shape than the supervisor's {See}.");
        Assert.That(GenServer.WhereIs(Node, PollTree.WorkersName(_names)), Is.EqualTo(supervisor), $"Step 4: the workers supervisor keeps its name {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_worker_that_stops_normally_is_started_again_too(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var worker = await OpenAsync(tree, "lunch", PollCore.Open("Lunch?", ["pizza", "sushi"]));
        var exit = Watch(worker);

        await WithinAsync(GenServer.StopAsync(Node, worker, ExitReason.Normal), "the worker to stop");
        await ExitReasonAsync(exit, "the worker");
        await WorkersAsync(tree);

        Assert.That(GenServer.WhereIs(Node, PollServer.Name(_names, "lunch")), Is.Not.Null.And.Not.EqualTo(worker),
            $"Step 4: a poll's worker is permanent: after a normal exit too, a new worker holds the poll's name {See}.");
    }
}
