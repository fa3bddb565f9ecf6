using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Layers.Tangled;
using NUnit.Framework;

namespace Layers.Tests;

/// <summary>
/// The behaviour tests run against the tangled program as given: green before you write a line. They pin what the
/// program does, so that your layered version can be held to the same (step 6).
/// </summary>
public sealed class Tangled_program_behaviour : PollBehaviour
{
    private StringWriter _console = null!;

    protected override string Program => "the tangled program";

    protected override Task<IPolls> StartAsync() => Task.FromResult<IPolls>(new TangledPolls(Node, _console));

    [SetUp]
    public void NewConsole() => _console = new StringWriter();

    [TearDown]
    public void DisposeConsole() => _console.Dispose();

    [Test]
    [CancelAfter(10_000)]
    public async Task The_tangled_program_writes_each_vote_and_report_to_its_console_as_it_goes(CancellationToken cancellationToken)
    {
        var polls = await StartAsync();
        await Answer(polls.OpenAsync("lunch", "Lunch?", ["pizza", "sushi"]), "lunch to open");

        await Answer(polls.VoteAsync("lunch", "ann", "sushi"), "ann's vote");
        await Answer(polls.VoteAsync("lunch", "bob", "tacos"), "bob's vote");
        var report = await Answer(polls.ReportAsync("lunch"), "the report");

        // I/O from inside the poll's process: the layered service returns the report, and its caller decides where it goes.
        Assert.That(_console.ToString().ReplaceLineEndings("\n"), Is.EqualTo($"ann voted sushi: Counted\nbob voted tacos: UnknownOption\n{report}\n"),
            $"Step 6: the tangled program writes every vote and every report to its console {See}.");
    }
}
