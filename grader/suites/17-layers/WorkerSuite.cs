using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Layers.Hidden;

/// <summary>Step 3: the worker, on more requests, names, callers at once and unknown messages.</summary>
public sealed class WorkerSuite : HiddenTest
{
    protected override int Step => 3;

    private async Task<Pid> StartWorkerAsync(Poll poll, ServerName? name = null) =>
        await WithinAsync(GenServer.StartAsync(Node, new PollServer(poll), name), "a PollServer to start");

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task The_worker_state_follows_the_core_vote_for_vote(CancellationToken cancellationToken)
    {
        var (random, seed) = Seeded.Random();
        var poll = PollCore.Open("Q?", ["a", "b", "c"]);
        var worker = await StartWorkerAsync(poll);

        for (var turn = 0; turn < 60; turn++)
        {
            var voter = $"v{random.Next(6)}";
            var option = new[] { "a", "b", "c", "x" }[random.Next(4)];
            var (expected, outcome) = PollCore.Vote(poll, voter, option);
            Assert.That(await WithinAsync(PollServer.VoteAsync(Node, worker, voter, option), "a vote", worker, "the worker"), Is.EqualTo(outcome),
                $"Step 3: the worker answers what PollCore.Vote answers for {voter} voting {option} (seed {seed}, turn {turn}) {See}.");
            poll = expected;
            if (random.Next(20) == 0)
            {
                await WithinAsync(PollServer.CloseAsync(Node, worker), "a close", worker, "the worker");
                poll = PollCore.Close(poll);
            }
        }

        var state = await WithinAsync(Sys.GetStateAsync<Poll>(Node, worker), "the state", worker, "the worker");
        Assert.That(state.ToString(), Is.EqualTo(poll.ToString()), $"Step 3: the worker's state is the poll the core returned last (seed {seed}) {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, worker), "the report", worker, "the worker"), Is.EqualTo(PollCore.Report(poll)),
            $"Step 3: the report is the core's (seed {seed}) {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_report_or_a_refused_vote_leaves_the_state_as_it_was(CancellationToken cancellationToken)
    {
        var poll = PollCore.Vote(PollCore.Open("Q?", ["a", "b"]), "x", "a").Poll;
        var worker = await StartWorkerAsync(poll);

        await WithinAsync(PollServer.ReportAsync(Node, worker), "the report", worker, "the worker");
        await WithinAsync(PollServer.VoteAsync(Node, worker, "y", "zz"), "a refused vote", worker, "the worker");

        Assert.That(await WithinAsync(Sys.GetStateAsync<Poll>(Node, worker), "the state", worker, "the worker"), Is.SameAs(poll),
            $"Step 3: a report keeps the state, and a refused vote keeps the very poll the core gave back {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Closing_keeps_the_closed_poll_and_closing_again_changes_nothing(CancellationToken cancellationToken)
    {
        var worker = await StartWorkerAsync(PollCore.Vote(PollCore.Open("Q?", ["a", "b"]), "x", "b").Poll);

        await WithinAsync(PollServer.CloseAsync(Node, worker), "the close", worker, "the worker");
        await WithinAsync(PollServer.CloseAsync(Node, worker), "the second close", worker, "the worker");

        var state = await WithinAsync(Sys.GetStateAsync<Poll>(Node, worker), "the state", worker, "the worker");
        Assert.That(state.IsClosed, Is.True, $"Step 3: the worker keeps the closed poll {See}.");
        Assert.That(state.Ballots["x"], Is.EqualTo("b"), $"Step 3: closing keeps the ballots {See}.");
        Assert.That(Node.IsAlive(worker), Is.True, $"Step 3: a close does not stop the worker: the poll can still be reported on {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Names_of_different_polls_and_registries_never_meet(CancellationToken cancellationToken)
    {
        var names = new Registry(RegistryKeys.Unique);
        var other = new Registry(RegistryKeys.Unique);
        var lunch = await StartWorkerAsync(PollCore.Open("Lunch?", ["a", "b"]), PollServer.Name(names, "lunch"));
        var workers = await StartWorkerAsync(PollCore.Open("Workers?", ["a", "b"]), PollServer.Name(names, "workers"));
        var elsewhere = await StartWorkerAsync(PollCore.Open("Elsewhere?", ["a", "b"]), PollServer.Name(other, "lunch"));

        Assert.That(GenServer.WhereIs(Node, PollServer.Name(names, "lunch")), Is.EqualTo(lunch), $"Step 3: lunch is found by its name {See}.");
        Assert.That(GenServer.WhereIs(Node, PollServer.Name(other, "lunch")), Is.EqualTo(elsewhere),
            $"Step 3: the name lives in the registry given: the same poll name in another registry is another worker {See}.");
        Assert.That(GenServer.WhereIs(Node, PollServer.Name(names, "workers")), Is.EqualTo(workers),
            $"Step 3: a poll may be called \"workers\" {See}.");
        Assert.That(GenServer.WhereIs(Node, PollServer.Name(names, "Lunch")), Is.Null, $"Step 3: names are compared exactly: Lunch is not lunch {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, PollServer.Name(names, "workers")), "the report", workers, "the worker"), Does.StartWith("Workers?"),
            $"Step 3: calls by name reach the right worker {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Calls_to_a_worker_that_is_not_running_fail_with_noproc(CancellationToken cancellationToken)
    {
        var names = new Registry(RegistryKeys.Unique);

        Assert.That(async () => await PollServer.VoteAsync(Node, PollServer.Name(names, "none"), "x", "a"), Throws.InstanceOf<NoProcessException>(),
            $"Step 3: a vote by a name nobody holds fails with NoProcessException (the boundary translates it in step 5) {See}.");
        Assert.That(async () => await PollServer.ReportAsync(Node, PollServer.Name(names, "none")), Throws.InstanceOf<NoProcessException>(),
            $"Step 3: a report by a free name fails with NoProcessException {See}.");
        Assert.That(async () => await PollServer.CloseAsync(Node, PollServer.Name(names, "none")), Throws.InstanceOf<NoProcessException>(),
            $"Step 3: a close by a free name fails with NoProcessException {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Voters_at_once_in_several_workers_are_all_counted_in_their_own_poll(CancellationToken cancellationToken)
    {
        var workers = new[] { await StartWorkerAsync(PollCore.Open("A?", ["y", "n"])), await StartWorkerAsync(PollCore.Open("B?", ["y", "n"])) };

        var votes = Enumerable.Range(0, 80).Select(i => Task.Run(() => PollServer.VoteAsync(Node, workers[i % 2], $"v{i / 2}", i % 4 < 2 ? "y" : "n"), cancellationToken));
        await WithinAsync(Task.WhenAll(votes), "80 votes", workers[0], "the first worker");

        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, workers[0]), "report A", workers[0], "worker A"), Is.EqualTo("A? | y 20 | n 20 | 40 votes"),
            $"Step 3: each worker counts its own 40 voters {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, workers[1]), "report B", workers[1], "worker B"), Is.EqualTo("B? | y 20 | n 20 | 40 votes"),
            $"Step 3: each worker counts its own 40 voters {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_request_built_by_hand_stops_the_worker_with_bad_call(CancellationToken cancellationToken)
    {
        var worker = await StartWorkerAsync(PollCore.Open("Q?", ["a", "b"]));
        var exit = Watch(worker);

        Assert.That(async () => await GenServer.CallAsync<object>(Node, worker, ("vote", "x", "a")).WaitAsync(Patience, cancellationToken),
            Throws.InstanceOf<ProcessExitedException>(),
            $"Step 3: a request built by hand is not one of the worker's own messages: base.HandleCall stops it {See}.");
        Assert.That(Describe(await ExitReasonAsync(exit, "the worker")), Does.StartWith("(bad_call"), $"Step 3: the reason is (bad_call, request) {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_worker_started_with_a_closed_poll_keeps_it_closed(CancellationToken cancellationToken)
    {
        var poll = PollCore.Close(PollCore.Vote(PollCore.Open("Q?", ["a", "b"]), "x", "a").Poll);
        var worker = await StartWorkerAsync(poll);

        Assert.That(await WithinAsync(Sys.GetStateAsync<Poll>(Node, worker), "the state", worker, "the worker"), Is.SameAs(poll),
            $"Step 3: Init keeps the very poll it was given {See}.");
        Assert.That(await WithinAsync(PollServer.VoteAsync(Node, worker, "y", "b"), "a vote", worker, "the worker"), Is.EqualTo(VoteOutcome.Closed),
            $"Step 3: a worker started with a closed poll answers Closed {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, worker), "the report", worker, "the worker"), Is.EqualTo("Q? | a 1 | b 0 | 1 vote | closed"),
            $"Step 3: and reports it closed {See}.");
    }
}
