using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Layers.Hidden;

/// <summary>Step 5: the boundary: every check, in the right order, before any process; the errors it translates; the tree behind it.</summary>
public sealed class BoundarySuite : HiddenTest
{
    protected override int Step => 5;

    private Task<PollService> StartServiceAsync() => WithinAsync(PollService.StartAsync(Node), "PollService.StartAsync");

    private static readonly string?[] Blanks = [null, "", " ", "\t", "\n  "];

    private static IEnumerable<(string What, string Parameter, Func<IPolls, Task> Call)> BadInput()
    {
        foreach (var blank in Blanks)
        {
            var shown = blank is null ? "null" : $"\"{blank.Replace("\t", "\\t").Replace("\n", "\\n")}\"";
            yield return ($"OpenAsync with name {shown}", "name", p => p.OpenAsync(blank!, "Q?", ["a", "b"]));
            yield return ($"OpenAsync with question {shown}", "question", p => p.OpenAsync("q", blank!, ["a", "b"]));
            yield return ($"OpenAsync with an option {shown}", "options", p => p.OpenAsync("q", "Q?", ["a", blank!, "c"]));
            yield return ($"VoteAsync with name {shown}", "name", p => p.VoteAsync(blank!, "ann", "a"));
            yield return ($"VoteAsync with voter {shown}", "voter", p => p.VoteAsync("q", blank!, "a"));
            yield return ($"VoteAsync with option {shown}", "option", p => p.VoteAsync("q", "ann", blank!));
            yield return ($"CloseAsync with name {shown}", "name", p => p.CloseAsync(blank!));
            yield return ($"ReportAsync with name {shown}", "name", p => p.ReportAsync(blank!));
        }

        yield return ("OpenAsync with no options", "options", p => p.OpenAsync("q", "Q?", []));
        yield return ("OpenAsync with six options", "options", p => p.OpenAsync("q", "Q?", ["a", "b", "c", "d", "e", "f"]));
        yield return ("OpenAsync with ten options", "options", p => p.OpenAsync("q", "Q?", Enumerable.Range(0, 10).Select(i => $"o{i}").ToArray()));
        yield return ("OpenAsync with a repeat at the end", "options", p => p.OpenAsync("q", "Q?", ["a", "b", "c", "d", "a"]));
        yield return ("OpenAsync with two equal options", "options", p => p.OpenAsync("q", "Q?", ["x", "x"]));
        // Several things wrong at once: the first argument is checked first.
        yield return ("OpenAsync with a blank name and one option", "name", p => p.OpenAsync(" ", "Q?", ["a"]));
        yield return ("OpenAsync with a blank question and one option", "question", p => p.OpenAsync("q", "", ["a"]));
        yield return ("VoteAsync with a blank voter and a blank option", "voter", p => p.VoteAsync("q", "", ""));
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Every_bad_argument_is_named_in_its_ArgumentException(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await WithinAsync(service.OpenAsync("q", "Q?", ["a", "b"]), "q to open", service.Tree, "the tree");

        foreach (var (what, parameter, call) in BadInput())
        {
            Assert.That(async () => await call(service), Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter),
                $"Step 5: {what} is an ArgumentException whose ParamName is \"{parameter}\" {See}.");
        }

        Assert.That(await WithinAsync(service.ReportAsync("q"), "the report", service.Tree, "the tree"), Is.EqualTo("Q? | a 0 | b 0 | 0 votes"),
            $"Step 5: no refused call changed the open poll {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Good_input_at_the_limits_is_accepted(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();

        await WithinAsync(service.OpenAsync("two", "Two?", ["a", "b"]), "two options to open", service.Tree, "the tree");
        await WithinAsync(service.OpenAsync("five", "Five?", ["a", "b", "c", "d", "e"]), "five options to open", service.Tree, "the tree");
        await WithinAsync(service.OpenAsync("cases", "Cases?", ["a", "A"]), "options differing in case to open", service.Tree, "the tree");
        await WithinAsync(service.OpenAsync(" padded name ", "Padded?", [" a", "a "]), "names with spaces to open", service.Tree, "the tree");

        Assert.That(await WithinAsync(service.ReportAsync("cases"), "a report", service.Tree, "the tree"), Is.EqualTo("Cases? | a 0 | A 0 | 0 votes"),
            $"Step 5: \"a\" and \"A\" are two options (compared exactly) {See}.");
        Assert.That(await WithinAsync(service.VoteAsync(" padded name ", "ann", "a "), "a vote", service.Tree, "the tree"), Is.EqualTo(VoteOutcome.Counted),
            $"Step 5: names and options are taken as given, spaces included, once they are not blank {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task No_process_is_spawned_for_any_refused_input(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var before = Node.Processes().Count;

        foreach (var (what, _, call) in BadInput())
        {
            try
            {
                await call(service);
            }
            catch (ArgumentException)
            {
            }

            Assert.That(Node.Processes(), Has.Count.EqualTo(before), $"Step 5: {what} is refused before any worker is started {See}.");
        }
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task With_the_whole_tree_stopped_bad_input_is_still_an_ArgumentException(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var exit = Watch(service.Tree);
        await WithinAsync(Supervisor.StopAsync(Node, service.Tree), "the tree to stop");
        await ExitReasonAsync(exit, "the tree");

        foreach (var (what, parameter, call) in BadInput())
        {
            Assert.That(async () => await call(service), Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter),
                $"Step 5: with no process running, {what} is still an ArgumentException naming \"{parameter}\": the input is checked before any process is looked up, started or called {See}.");
        }
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_not_open_is_not_found_and_the_runtime_error_stays_inside(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await WithinAsync(service.OpenAsync("lunch", "Lunch?", ["a", "b"]), "lunch to open", service.Tree, "the tree");

        foreach (var (what, call) in new (string, Func<Task>)[]
                 {
                     ("a vote in Lunch", () => service.VoteAsync("Lunch", "ann", "a")),
                     ("a close of dinner", () => service.CloseAsync("dinner")),
                     ("a report of lunch2", () => service.ReportAsync("lunch2")),
                 })
        {
            var name = what.Split(' ').Last();
            Assert.That(async () => await call(), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains(name).And.InnerException.InstanceOf<NoProcessException>(),
                $"Step 5: {what}: no such poll is a KeyNotFoundException naming \"{name}\", with the runtime's NoProcessException as its inner exception {See}.");
        }
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Two_callers_opening_one_name_at_once_get_exactly_one_poll(CancellationToken cancellationToken)
    {
        var (random, seed) = Seeded.Random();
        var service = await StartServiceAsync();

        for (var round = 0; round < 10; round++)
        {
            var name = $"race{round}";
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var openers = Enumerable.Range(0, 2 + random.Next(4)).Select(i => Task.Run(async () =>
            {
                await gate.Task;
                try
                {
                    await service.OpenAsync(name, $"Q{i}?", ["a", "b"]);
                    return (i, error: (Exception?)null);
                }
                catch (InvalidOperationException refused)
                {
                    return (i, error: refused);
                }
            }, cancellationToken)).ToList();
            gate.SetResult(); // all openers go at once

            var results = await WithinAsync(Task.WhenAll(openers), $"{openers.Count} openers of {name}", service.Tree, "the tree");

            var winners = results.Where(r => r.error is null).ToList();
            Assert.That(winners, Has.Count.EqualTo(1), $"Step 5: of {results.Length} callers opening {name} at once, exactly one opens it (seed {seed}) {See}.");
            Assert.That(results.Where(r => r.error is not null).Select(r => r.error!.Message), Is.All.Contains(name),
                $"Step 5: the others get InvalidOperationException naming the poll (seed {seed}) {See}.");
            Assert.That(await WithinAsync(service.ReportAsync(name), "the report", service.Tree, "the tree"), Does.StartWith($"Q{winners[0].i}?"),
                $"Step 5: the poll open is the winner's (seed {seed}) {See}.");
        }
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Every_process_of_the_service_is_in_its_tree(CancellationToken cancellationToken)
    {
        var processes = Node.Processes().Count;
        var service = await StartServiceAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await WithinAsync(service.OpenAsync(name, $"{name}?", ["x", "y"]), $"{name} to open", service.Tree, "the tree");
            await WithinAsync(service.VoteAsync(name, "ann", "x"), "a vote", service.Tree, "the tree");
        }

        var root = await WithinAsync(Observer.WalkTreeAsync(Node, service.Tree), "the tree", service.Tree, "the tree");
        var inTree = Flatten(root).Select(n => n.Pid).OfType<Pid>().ToHashSet();

        Assert.That(Node.Processes().Where(p => !inTree.Contains(p)).ToList(), Has.Count.EqualTo(processes),
            $"Step 5: the service runs no process outside its supervision tree: every poll is a worker under the tree, nothing is spawned on the side. Tree:\n{root} {See}.");
        Assert.That(root.Children.SelectMany(c => c.Children).Count(w => w.Behaviour == "gen_server"), Is.EqualTo(3),
            $"Step 5: three open polls are three workers under the workers supervisor. Tree:\n{root} {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_poll_is_open_again_through_the_service_and_the_others_keep_their_votes(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await WithinAsync(service.OpenAsync("lunch", "Lunch?", ["a", "b"]), "lunch to open", service.Tree, "the tree");
        await WithinAsync(service.OpenAsync("drink", "Drink?", ["a", "b"]), "drink to open", service.Tree, "the tree");
        await WithinAsync(service.VoteAsync("lunch", "ann", "a"), "a vote", service.Tree, "the tree");
        await WithinAsync(service.VoteAsync("drink", "ann", "b"), "a vote", service.Tree, "the tree");
        var root = await WithinAsync(Observer.WalkTreeAsync(Node, service.Tree), "the tree", service.Tree, "the tree");
        Pid? lunch = null;
        foreach (var worker in root.Children[0].Children)
        {
            if ((await WithinAsync(Sys.GetStateAsync<Poll>(Node, worker.Pid!), "a worker's state", worker.Pid, "a worker")).Question == "Lunch?")
            {
                lunch = worker.Pid;
            }
        }

        Assert.That(lunch, Is.Not.Null, $"Step 5: one worker under the tree holds the lunch poll. Tree:\n{root} {See}.");
        var exit = Watch(lunch!);

        await WithinAsync(GenServer.StopAsync(Node, lunch!, Crash), "the lunch worker to crash");
        await ExitReasonAsync(exit, "the lunch worker");
        await WithinAsync(Observer.WalkTreeAsync(Node, service.Tree), "the tree after the crash", service.Tree, "the tree");

        Assert.That(await WithinAsync(service.ReportAsync("lunch"), "the lunch report", service.Tree, "the tree"), Is.EqualTo("Lunch? | a 0 | b 0 | 0 votes"),
            $"Step 5: after a crash the poll is there again, as opened {See}.");
        Assert.That(await WithinAsync(service.ReportAsync("drink"), "the drink report", service.Tree, "the tree"), Is.EqualTo("Drink? | b 1 | a 0 | 1 vote"),
            $"Step 5: the other poll keeps its votes {See}.");
        Assert.That(async () => await service.OpenAsync("lunch", "Again?", ["a", "b"]), Throws.InstanceOf<InvalidOperationException>(),
            $"Step 5: the restarted poll still holds its name {See}.");
    }

    [Property("Step", 5)]
    [Test]
    public void Starting_without_a_node_is_refused()
    {
        Assert.That(async () => await PollService.StartAsync(null!), Throws.InstanceOf<ArgumentNullException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("node"),
            $"Step 5: PollService.StartAsync(null) is an ArgumentNullException naming node {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Two_services_on_one_node_keep_their_polls_apart(CancellationToken cancellationToken)
    {
        var first = await StartServiceAsync();
        var second = await StartServiceAsync();

        await WithinAsync(first.OpenAsync("lunch", "First?", ["a", "b"]), "lunch to open in the first", first.Tree, "the first tree");
        await WithinAsync(second.OpenAsync("lunch", "Second?", ["a", "b"]), "lunch to open in the second", second.Tree, "the second tree");
        await WithinAsync(first.VoteAsync("lunch", "ann", "a"), "a vote", first.Tree, "the first tree");

        Assert.That(await WithinAsync(first.ReportAsync("lunch"), "the first report", first.Tree, "the first tree"), Is.EqualTo("First? | a 1 | b 0 | 1 vote"),
            $"Step 5: each service has its own registry and tree: the first's lunch {See}.");
        Assert.That(await WithinAsync(second.ReportAsync("lunch"), "the second report", second.Tree, "the second tree"), Is.EqualTo("Second? | a 0 | b 0 | 0 votes"),
            $"Step 5: the second's lunch is another poll {See}.");
        Assert.That(first.Tree, Is.Not.EqualTo(second.Tree), $"Step 5: two services, two trees {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_refused_open_leaves_the_name_free_and_unknown_options_are_an_outcome(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();

        Assert.That(async () => await service.OpenAsync("q", "Q?", ["a", "a"]), Throws.InstanceOf<ArgumentException>(), $"Step 5: repeated options are refused {See}.");
        Assert.That(async () => await service.ReportAsync("q"), Throws.InstanceOf<KeyNotFoundException>(), $"Step 5: a refused poll was never opened {See}.");
        await WithinAsync(service.OpenAsync("q", "Q?", ["a", "b"]), "q to open", service.Tree, "the tree");

        Assert.That(await WithinAsync(service.VoteAsync("q", "ann", "zz"), "a vote", service.Tree, "the tree"), Is.EqualTo(VoteOutcome.UnknownOption),
            $"Step 5: an option the poll does not offer is not bad input but the core's UnknownOption: only the poll knows its options {See}.");
        await WithinAsync(service.CloseAsync("q"), "q to close", service.Tree, "the tree");
        Assert.That(await WithinAsync(service.VoteAsync("q", "ann", "a"), "a vote", service.Tree, "the tree"), Is.EqualTo(VoteOutcome.Closed),
            $"Step 5: a vote in a closed poll is Closed, not an error {See}.");
    }

    private static IEnumerable<SupervisionTreeNode> Flatten(SupervisionTreeNode node) => new[] { node }.Concat(node.Children.SelectMany(Flatten));
}
