using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Layers.Tests;

/// <summary>Step 5: the boundary: the service checks its input before any process is involved, and speaks its users' language.</summary>
public sealed class Step5_The_boundary_checks_input_first : NodeTest
{
    protected override int Step => 5;

    private Task<PollService> StartServiceAsync() => WithinAsync(PollService.StartAsync(Node), "PollService.StartAsync");

    // Every way to call the service with input it must refuse, and the parameter it names.
    private static IEnumerable<(string What, string Parameter, Func<IPolls, Task> Call)> BadInput() =>
    [
        ("a null name", "name", p => p.OpenAsync(null!, "Lunch?", ["pizza", "sushi"])),
        ("a blank name", "name", p => p.OpenAsync("  ", "Lunch?", ["pizza", "sushi"])),
        ("an empty question", "question", p => p.OpenAsync("lunch", "", ["pizza", "sushi"])),
        ("null options", "options", p => p.OpenAsync("lunch", "Lunch?", null!)),
        ("one option", "options", p => p.OpenAsync("lunch", "Lunch?", ["pizza"])),
        ("six options", "options", p => p.OpenAsync("lunch", "Lunch?", ["a", "b", "c", "d", "e", "f"])),
        ("a blank option", "options", p => p.OpenAsync("lunch", "Lunch?", ["pizza", " "])),
        ("an option given twice", "options", p => p.OpenAsync("lunch", "Lunch?", ["pizza", "sushi", "pizza"])),
        ("a vote in a blank poll name", "name", p => p.VoteAsync("", "ann", "pizza")),
        ("a vote by a blank voter", "voter", p => p.VoteAsync("lunch", " ", "pizza")),
        ("a vote for a null option", "option", p => p.VoteAsync("lunch", "ann", null!)),
        ("a close of a blank poll name", "name", p => p.CloseAsync("\t")),
        ("a report of a null poll name", "name", p => p.ReportAsync(null!)),
    ];

    [Test]
    [CancelAfter(10_000)]
    public async Task Bad_input_is_refused_with_an_ArgumentException_naming_the_parameter(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await WithinAsync(service.OpenAsync("lunch", "Lunch?", ["pizza", "sushi"]), "a good poll to open", service.Tree, "the tree");

        foreach (var (what, parameter, call) in BadInput())
        {
            Assert.That(async () => await call(service), Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter),
                $"Step 5: {what} is refused with an ArgumentException (or ArgumentNullException) whose ParamName is \"{parameter}\" {See}.");
        }

        Assert.That(await WithinAsync(service.ReportAsync("lunch"), "the report", service.Tree, "the tree"), Is.EqualTo("Lunch? | pizza 0 | sushi 0 | 0 votes"),
            $"Step 5: refused input changes nothing {See}.");
        Assert.That(async () => await service.OpenAsync("five", "Five?", ["a", "b", "c", "d", "e"]), Throws.Nothing,
            $"Step 5: five options are allowed (2 to 5) {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Bad_input_is_refused_before_any_process_is_spawned_or_called(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var processes = Node.Processes().Count;

        Assert.That(async () => await service.OpenAsync("lunch", "Lunch?", ["pizza"]), Throws.InstanceOf<ArgumentException>(),
            $"Step 5: one option is refused {See}.");
        Assert.That(Node.Processes(), Has.Count.EqualTo(processes),
            $"Step 5: a refused poll never had a worker: the boundary checks the options before it starts one (the tangled program spawned first) {See}.");

        var tree = Watch(service.Tree);
        await WithinAsync(Supervisor.StopAsync(Node, service.Tree), "the tree to stop");
        await ExitReasonAsync(tree, "the tree");

        Assert.That(async () => await service.VoteAsync("nowhere", "", "pizza"), Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("voter"),
            $"Step 5: with no process running at all, a blank voter is still an ArgumentException: the input is checked before any poll is looked up or called {See}.");
        Assert.That(async () => await service.OpenAsync("lunch", "Lunch?", ["a", "a"]), Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("options"),
            $"Step 5: with no process running at all, repeated options are still an ArgumentException {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_that_is_not_open_is_not_found(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();

        Assert.That(async () => await service.VoteAsync("lunch", "ann", "pizza"), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("lunch").And.InnerException.InstanceOf<NoProcessException>(),
            $"Step 5: a vote in a poll nobody opened fails with KeyNotFoundException naming the poll, the runtime's NoProcessException kept as its inner exception {See}.");
        Assert.That(async () => await service.CloseAsync("lunch"), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("lunch"),
            $"Step 5: closing a poll nobody opened fails with KeyNotFoundException {See}.");
        Assert.That(async () => await service.ReportAsync("lunch"), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("lunch"),
            $"Step 5: the report of a poll nobody opened fails with KeyNotFoundException {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Opening_a_name_that_is_already_open_is_refused(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await WithinAsync(service.OpenAsync("lunch", "Lunch?", ["pizza", "sushi"]), "the poll to open", service.Tree, "the tree");

        Assert.That(async () => await service.OpenAsync("lunch", "Dinner?", ["soup", "stew"]), Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("lunch"),
            $"Step 5: a second poll under an open name fails with InvalidOperationException naming it (the runtime's already_started, translated) {See}.");
        Assert.That(await WithinAsync(service.ReportAsync("lunch"), "the report", service.Tree, "the tree"), Does.StartWith("Lunch?"),
            $"Step 5: the poll that was open first is untouched {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_service_runs_each_open_poll_as_a_worker_under_its_tree(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await WithinAsync(service.OpenAsync("lunch", "Lunch?", ["pizza", "sushi"]), "lunch to open", service.Tree, "the tree");
        await WithinAsync(service.OpenAsync("drink", "Drink?", ["tea", "coffee"]), "drink to open", service.Tree, "the tree");
        await WithinAsync(service.VoteAsync("drink", "ann", "tea"), "ann's vote", service.Tree, "the tree");

        var root = await WithinAsync(Observer.WalkTreeAsync(Node, service.Tree), "the supervision tree", service.Tree, "the tree");

        Assert.That(root.Children, Has.Count.EqualTo(1), $"Step 5: PollService.StartAsync starts a PollTree: one child under the root. Got\n{root} {See}.");
        var workers = root.Children[0].Children;
        Assert.That(workers.Select(w => w.Behaviour), Is.EqualTo(new[] { "gen_server", "gen_server" }),
            $"Step 5: each open poll is a worker (a GenServer) under the workers supervisor. Got\n{root} {See}.");
        var states = new List<Poll>();
        foreach (var worker in workers)
        {
            states.Add(await WithinAsync(Sys.GetStateAsync<Poll>(Node, worker.Pid!), "a worker's state", worker.Pid, "a worker"));
        }

        Assert.That(states.Select(s => s.Question), Is.EquivalentTo(new[] { "Lunch?", "Drink?" }),
            $"Step 5: the workers hold the two polls opened through the service {See}.");
        Assert.That(states.Single(s => s.Question == "Drink?").Ballots.Keys, Is.EqualTo(new[] { "ann" }),
            $"Step 5: a vote through the service lands in that poll's worker {See}.");
    }
}
