using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Layers.Hidden;

/// <summary>Step 4: the lifecycle: the tree's shape, the workers' specs, restarts one at a time and many.</summary>
public sealed class TreeSuite : HiddenTest
{
    protected override int Step => 4;

    private readonly Registry _names = new(RegistryKeys.Unique);

    private Task<Pid> StartTreeAsync() => WithinAsync(Supervisor.StartAsync(Node, new PollTree(_names)), "the PollTree to start");

    private async Task<Pid> OpenAsync(Pid tree, string poll, Poll opened) =>
        (await WithinAsync(DynamicSupervisor.StartChildAsync(Node, PollTree.WorkersName(_names), PollServer.Spec(_names, poll, opened)),
            $"the worker of {poll} to start", tree, "the tree"))!;

    private async Task CrashAsync(Pid worker, string what)
    {
        var exit = Watch(worker);
        await WithinAsync(GenServer.StopAsync(Node, worker, Crash), $"{what} to crash");
        await ExitReasonAsync(exit, what);
    }

    private Task<IReadOnlyList<ChildInfo>> WorkersAsync(Pid tree) =>
        WithinAsync(DynamicSupervisor.WhichChildrenAsync(Node, PollTree.WorkersName(_names)), "the workers", tree, "the tree");

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task The_workers_supervisor_is_a_supervisor_child_of_the_tree_under_its_name(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();

        var node = await WithinAsync(Observer.WalkTreeAsync(Node, tree), "the tree", tree, "the tree");

        Assert.That(node.Children.Select(c => c.Type), Is.EqualTo(new[] { ChildType.Supervisor }), $"Step 4: one child, a supervisor. Got\n{node} {See}.");
        Assert.That(node.Children[0].Pid, Is.EqualTo(GenServer.WhereIs(Node, PollTree.WorkersName(_names))),
            $"Step 4: the child is registered as PollTree.WorkersName {See}.");
        Assert.That(GenServer.WhereIs(Node, PollTree.WorkersName(new Registry(RegistryKeys.Unique))), Is.Null,
            $"Step 4: the name lives in the registry given to the tree {See}.");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_tree_started_twice_on_one_node_with_two_registries_runs_two_separate_services(CancellationToken cancellationToken)
    {
        var other = new Registry(RegistryKeys.Unique);
        var first = await StartTreeAsync();
        var second = await WithinAsync(Supervisor.StartAsync(Node, new PollTree(other)), "a second PollTree to start");

        Assert.That(GenServer.WhereIs(Node, PollTree.WorkersName(other)), Is.Not.Null.And.Not.EqualTo(GenServer.WhereIs(Node, PollTree.WorkersName(_names))),
            $"Step 4: each tree's workers supervisor is registered in its own registry, not under a node-wide name {See}.");
        Assert.That(Node.IsAlive(first) && Node.IsAlive(second), Is.True, $"Step 4: both trees run {See}.");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_worker_stopped_normally_or_crashed_is_started_again_it_is_permanent(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var worker = await OpenAsync(tree, "q", PollCore.Open("Q?", ["a", "b"]));
        var exit = Watch(worker);

        await WithinAsync(GenServer.StopAsync(Node, worker, ExitReason.Normal), "the worker to stop normally");
        await ExitReasonAsync(exit, "the worker");
        var workers = await WorkersAsync(tree);

        Assert.That(workers.Select(w => w.Pid).ToList(), Has.Count.EqualTo(1).And.None.EqualTo(worker).And.None.Null,
            $"Step 4: a poll's worker is permanent: even a normal exit is followed by a new worker (a poll ends when the service does) {See}.");
        Assert.That(GenServer.WhereIs(Node, PollServer.Name(_names, "q")), Is.EqualTo(workers[0].Pid), $"Step 4: the new worker has the poll's name {See}.");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Crashes_far_apart_in_random_polls_each_restart_only_that_poll(CancellationToken cancellationToken)
    {
        var (random, seed) = Seeded.Random();
        var tree = await StartTreeAsync();
        var names = Enumerable.Range(0, 5).Select(i => $"poll{i}").ToArray();
        foreach (var name in names)
        {
            await OpenAsync(tree, name, PollCore.Open($"{name}?", ["a", "b"]));
        }

        var votes = names.ToDictionary(n => n, _ => 0);
        for (var round = 0; round < 12; round++)
        {
            Clock.Advance(TimeSpan.FromSeconds(10)); // crashes further apart than the restart window
            var voted = names[random.Next(names.Length)];
            await WithinAsync(PollServer.VoteAsync(Node, PollServer.Name(_names, voted), $"v{round}", "a"), "a vote", tree, "the tree");
            votes[voted]++;
            var crashed = names[random.Next(names.Length)];
            var before = names.ToDictionary(n => n, n => GenServer.WhereIs(Node, PollServer.Name(_names, n)));

            await CrashAsync(before[crashed]!, $"the worker of {crashed}");
            await WorkersAsync(tree);
            votes[crashed] = 0;

            foreach (var name in names)
            {
                var now = GenServer.WhereIs(Node, PollServer.Name(_names, name));
                if (name == crashed)
                {
                    Assert.That(now, Is.Not.Null.And.Not.EqualTo(before[name]), $"Step 4: {crashed} crashed and came back as a new worker (seed {seed}, round {round}) {See}.");
                }
                else
                {
                    Assert.That(now, Is.EqualTo(before[name]), $"Step 4: a crash of {crashed} leaves {name} running (seed {seed}, round {round}) {See}.");
                }

                var report = await WithinAsync(PollServer.ReportAsync(Node, PollServer.Name(_names, name)), $"the report of {name}", tree, "the tree");
                Assert.That(report, Is.EqualTo($"{name}? | a {votes[name]} | b 0 | {(votes[name] == 1 ? "1 vote" : $"{votes[name]} votes")}"),
                    $"Step 4: {name} keeps its votes unless it crashed itself; a restarted poll starts from the poll as opened (seed {seed}, round {round}) {See}.");
            }
        }
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_tree_stops_every_worker(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var workers = new[] { await OpenAsync(tree, "a", PollCore.Open("A?", ["x", "y"])), await OpenAsync(tree, "b", PollCore.Open("B?", ["x", "y"])) };
        var exits = workers.Select(Watch).ToArray();

        await WithinAsync(Supervisor.StopAsync(Node, tree), "the tree to stop");

        foreach (var exit in exits)
        {
            Assert.That(await ExitReasonAsync(exit, "a worker"), Is.EqualTo(ExitReason.Shutdown),
                $"Step 4: the tree owns its workers: stopping it stops them, with shutdown {See}.");
        }

        Assert.That(GenServer.WhereIs(Node, PollServer.Name(_names, "a")), Is.Null, $"Step 4: a stopped worker's name is free again {See}.");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_killed_workers_supervisor_is_started_again_under_its_name_with_no_polls(CancellationToken cancellationToken)
    {
        var tree = await StartTreeAsync();
        var worker = await OpenAsync(tree, "q", PollCore.Open("Q?", ["a", "b"]));
        var supervisor = GenServer.WhereIs(Node, PollTree.WorkersName(_names))!;
        var exits = (Watch(supervisor), Watch(worker));

        Node.Exit(supervisor, ExitReason.Kill); // a supervisor traps exits: kill is the signal it cannot turn into a message
        await ExitReasonAsync(exits.Item1, "the workers supervisor");
        await ExitReasonAsync(exits.Item2, "the worker under it");
        var children = await WithinAsync(Supervisor.WhichChildrenAsync(Node, tree), "the tree's children", tree, "the tree");

        Assert.That(children.Select(c => c.Pid).ToList(), Has.Count.EqualTo(1).And.None.EqualTo(supervisor).And.None.Null,
            $"Step 4: the tree starts a crashed workers supervisor again {See}.");
        Assert.That(GenServer.WhereIs(Node, PollTree.WorkersName(_names)), Is.EqualTo(children[0].Pid),
            $"Step 4: the new workers supervisor is registered under the same name, so the boundary finds it {See}.");
        Assert.That(GenServer.WhereIs(Node, PollServer.Name(_names, "q")), Is.Null,
            $"Step 4: the polls under the old supervisor went with it: their names are free {See}.");
        Assert.That(await OpenAsync(tree, "q", PollCore.Open("Q?", ["a", "b"])), Is.Not.Null, $"Step 4: the poll can be opened again {See}.");
    }
}
