using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Layers.Tests;

/// <summary>Step 3: a worker is a process that holds one poll and hands every request to the core.</summary>
public sealed class Step3_A_worker_holds_a_poll : NodeTest
{
    protected override int Step => 3;

    private static Poll Lunch() => PollCore.Open("Lunch?", ["pizza", "sushi", "salad"]);

    private async Task<Pid> StartWorkerAsync(Poll poll, ServerName? name = null) =>
        await WithinAsync(GenServer.StartAsync(Node, new PollServer(poll), name), "a PollServer to start (its Init)");

    private Task<Poll> StateAsync(Pid worker) => WithinAsync(Sys.GetStateAsync<Poll>(Node, worker), "the worker's state", worker, "the worker");

    [Test]
    [CancelAfter(10_000)]
    public async Task A_worker_started_with_a_poll_holds_it_as_its_state(CancellationToken cancellationToken)
    {
        var poll = Lunch();

        var worker = await StartWorkerAsync(poll);

        Assert.That(await StateAsync(worker), Is.SameAs(poll),
            $"Step 3: a PollServer's state is the Poll it was started with, the data record itself {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Votes_close_and_report_reach_the_worker_by_its_name(CancellationToken cancellationToken)
    {
        var names = new Registry(RegistryKeys.Unique);
        var worker = await StartWorkerAsync(Lunch(), PollServer.Name(names, "lunch"));
        var name = PollServer.Name(names, "lunch");
        Assert.That(GenServer.WhereIs(Node, name), Is.EqualTo(worker), $"Step 3: PollServer.Name(names, \"lunch\") finds the worker started under it {See}.");
        Assert.That(GenServer.WhereIs(Node, PollServer.Name(names, "dinner")), Is.Null, $"Step 3: each poll has a name of its own {See}.");

        Assert.That(await WithinAsync(PollServer.VoteAsync(Node, name, "ann", "sushi"), "ann's vote", worker, "the worker"), Is.EqualTo(VoteOutcome.Counted),
            $"Step 3: PollServer.VoteAsync answers what the core's Vote says: Counted {See}.");
        Assert.That(await WithinAsync(PollServer.VoteAsync(Node, name, "ann", "pizza"), "ann's second vote", worker, "the worker"), Is.EqualTo(VoteOutcome.Replaced),
            $"Step 3: the worker keeps the poll the core returned, so ann's second vote is Replaced {See}.");
        Assert.That(await WithinAsync(PollServer.VoteAsync(Node, name, "bob", "tacos"), "bob's vote", worker, "the worker"), Is.EqualTo(VoteOutcome.UnknownOption),
            $"Step 3: an unknown option is UnknownOption {See}.");
        var state = await StateAsync(worker);
        Assert.That(state.Ballots.ToDictionary(), Is.EqualTo(new[] { ("ann", "pizza") }.ToDictionary(b => b.Item1, b => b.Item2)),
            $"Step 3: the worker's state is the poll after the votes. Got {state} {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, name), "the report", worker, "the worker"), Is.EqualTo("Lunch? | pizza 1 | sushi 0 | salad 0 | 1 vote"),
            $"Step 3: PollServer.ReportAsync answers the core's report of the worker's poll {See}.");

        await WithinAsync(PollServer.CloseAsync(Node, name), "the poll to close", worker, "the worker");

        Assert.That((await StateAsync(worker)).IsClosed, Is.True, $"Step 3: after PollServer.CloseAsync returns, the worker's poll is closed {See}.");
        Assert.That(await WithinAsync(PollServer.VoteAsync(Node, worker, "cat", "sushi"), "cat's vote", worker, "the worker"), Is.EqualTo(VoteOutcome.Closed),
            $"Step 3: a closed poll's worker answers Closed (the client functions take a pid as well as a name) {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, worker), "the report", worker, "the worker"), Does.EndWith("| closed"),
            $"Step 3: the report of a closed poll ends with closed {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Votes_from_many_callers_at_once_are_all_counted(CancellationToken cancellationToken)
    {
        var worker = await StartWorkerAsync(Lunch());
        string[] options = ["pizza", "sushi", "salad"];

        var votes = Enumerable.Range(0, 60).Select(i => Task.Run(() => PollServer.VoteAsync(Node, worker, $"voter{i}", options[i % 3]), cancellationToken));
        var outcomes = await WithinAsync(Task.WhenAll(votes), "60 votes cast at once", worker, "the worker");

        Assert.That(outcomes, Is.All.EqualTo(VoteOutcome.Counted), $"Step 3: 60 different voters are each Counted {See}.");
        Assert.That(await WithinAsync(PollServer.ReportAsync(Node, worker), "the report", worker, "the worker"),
            Is.EqualTo("Lunch? | pizza 20 | sushi 20 | salad 20 | 60 votes"),
            $"Step 3: the worker handles one request at a time, so no vote is lost however many arrive at once {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_unknown_request_stops_the_worker_with_bad_call(CancellationToken cancellationToken)
    {
        var worker = await StartWorkerAsync(Lunch());
        var exit = Watch(worker);

        Assert.That(async () => await GenServer.CallAsync<object>(Node, worker, "launch the rockets").WaitAsync(Patience, cancellationToken),
            Throws.InstanceOf<ProcessExitedException>(),
            $"Step 3: a PollServer answers only its own requests; any other goes to base.HandleCall, which stops it {See}.");
        var reason = await ExitReasonAsync(exit, "the worker");
        Assert.That(Describe(reason), Is.EqualTo("(bad_call, \"launch the rockets\")"),
            $"Step 3: the worker exits with (bad_call, request), the reason base.HandleCall gives. Got {Describe(reason)} {See}.");
    }

    [Test]
    public void The_worker_leaves_every_rule_to_the_core()
    {
        // Reads the compiled worker: every member its method bodies (lambdas and async code included) call or read.
        var used = Il.Bodies(typeof(PollServer)).SelectMany(Il.References).ToList();
        var core = used.OfType<MethodInfo>().Where(m => m.DeclaringType == typeof(PollCore)).Select(m => m.Name).ToHashSet();
        var poll = used.Where(m => m.DeclaringType == typeof(Poll) && m is MethodBase { Name: not "Equals" and not "GetHashCode" and not "ToString" })
            .Select(m => $"Poll.{m.Name}").Distinct().ToList();

        Assert.That(core, Is.SupersetOf(new[] { nameof(PollCore.Vote), nameof(PollCore.Close), nameof(PollCore.Report) }),
            $"Step 3: the worker asks PollCore.Vote, PollCore.Close and PollCore.Report for every answer and next state; it calls only [{string.Join(", ", core.Order())}] {See}.");
        Assert.That(poll, Is.Empty,
            $"Step 3: the worker reads no field of the poll and makes no poll of its own: that would be a rule outside the core. Found: {string.Join(", ", poll)} {See}.");
    }
}
