using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Tests;

/// <summary>Step 6: shutdown: reverse start order, time-outs for a child that needs time, brutal kill for one that does not.</summary>
public sealed class Step6_Shutdown : NodeTest
{
    protected override int Step => 6;

    private async Task StopSupervisorAsync(Pid supervisor, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await Supervisor.StopAsync(Node, supervisor, cancellationToken: patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"Step 6: waited 2 s for {what} to stop; a child's shutdown never ended {See}.");
        }
    }

    /// <summary>Starts the press, puts a page on the printer, and starts stopping the press; returns the printer, its exit and the stop.</summary>
    private async Task<(Pid Printer, Task<object> Exit, Task Stopping)> StopPressMidPageAsync()
    {
        var press = await StartAsync(new Press(Journal), "the press");
        var printer = await ChildAsync(press, typeof(Printer), "the press");
        var exit = Watch(printer);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        Assert.That(await GenServer.CallAsync<bool>(Node, printer, new PrintPage(), cancellationToken: patience.Token), Is.True,
            $"Step 6: the printer took a page {See}.");

        var stopping = Supervisor.StopAsync(Node, press);
        var entry = await JournalAsync(e => e.Kind == "terminating" && e.Pid == printer, "the printer's Terminate to begin", printer, "the printer");
        Assert.That(entry.Reason, Is.EqualTo(ExitReason.Shutdown), $"Step 6: the printer is told to stop with shutdown {See}.");
        return (printer, exit, stopping);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_desks_runs_their_Terminate_in_reverse_start_order(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Journal), "the desks");

        await StopSupervisorAsync(desks, "the desks");

        Assert.That(Journal.TerminatedWorkers, Is.EqualTo(new[] { "politics", "weather", "sports" }),
            $"Step 6: a supervisor stops its children in reverse start order: the last started stops first {See}.");
        Assert.That(Journal.Entries.Where(e => e.Kind == "terminating").Select(e => e.Reason), Is.All.EqualTo(ExitReason.Shutdown),
            $"Step 6: each desk is told to stop with shutdown {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_newsroom_stops_every_subsystem_in_reverse_start_order(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Journal), "the newsroom");

        await StopSupervisorAsync(newsroom, "the newsroom");

        Assert.That(Journal.TerminatedWorkers,
            Is.EqualTo(new[] { "interview", "correction", "wire", Courier.Name, Printer.Name, "politics", "weather", "sports", Archive.Name }),
            $"Step 6: the tree stops in reverse start order: the assignments, the press, the desks, then the library, each subsystem " +
            $"stopping its own children in reverse (the index is killed, so its Terminate does not run) {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_index_is_killed_at_once_and_its_Terminate_never_runs(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Journal), "the library");
        var index = await ChildAsync(library, typeof(SearchIndex), "the library");
        var indexExit = Watch(index);

        await StopSupervisorAsync(library, "the library");

        Assert.That(await ExitReasonAsync(indexExit, "the index"), Is.EqualTo(ExitReason.Killed),
            $"Step 6: the index has nothing to save: brutal kill ends it at once, with killed {See}.");
        Assert.That(Journal.TerminatedWorkers, Is.EqualTo(new[] { Archive.Name }),
            $"Step 6: a killed child's Terminate never runs; the archive's does (it gets shutdown) {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_printer_mid_page_is_killed_two_seconds_after_it_was_told_to_stop(CancellationToken cancellationToken)
    {
        var (printer, exit, stopping) = await StopPressMidPageAsync();

        Clock.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        Assert.That(Node.IsAlive(printer), Is.True,
            $"Step 6: the printer gets 2 s to finish its page (ShutdownSpec.After): 1 ms before that, it still runs {See}.");
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await ExitReasonAsync(exit, "the printer, 2 s after shutdown"), Is.EqualTo(ExitReason.Killed),
            $"Step 6: after its 2 s, a printer still in its Terminate is killed {See}.");
        await stopping.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_printer_that_finishes_its_page_in_time_stops_with_shutdown(CancellationToken cancellationToken)
    {
        var (printer, exit, stopping) = await StopPressMidPageAsync();

        Clock.Advance(TimeSpan.FromSeconds(1));
        Node.Send(printer, new PageDone());

        Assert.That(await ExitReasonAsync(exit, "the printer, after its page was done"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 6: a printer that finishes within its 2 s ends its Terminate and exits with shutdown, not killed {See}.");
        await stopping.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
    }
}
