using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Hidden;

/// <summary>Shutdown order and time-outs: alone, inside the tree, and in the middle of a restart.</summary>
[Property("Step", 6)]
public sealed class ShutdownSuite : HiddenTest
{
    private async Task<Pid> PrintingAsync(Pid press)
    {
        var printer = await ChildAsync(press, typeof(Printer), "the press");
        Assert.That(await CallAsync<bool>(printer, new PrintPage(), "the printer taking a page"), Is.True, "the printer took a page.");
        return printer;
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_worker_is_told_shutdown_when_the_newsroom_stops(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Log), "the newsroom");
        var started = Log.Entries.Where(e => e.Kind == "started").ToArray();

        await StopSupervisorAsync(newsroom, "the newsroom");

        var stopped = Log.Entries.Where(e => e.Kind == "terminating").ToArray();
        Assert.That(stopped.Select(e => e.Reason), Is.All.EqualTo(ExitReason.Shutdown), "every Terminate sees shutdown.");
        Assert.That(stopped.Select(e => e.Pid), Is.EqualTo(started.Where(e => e.Worker != SearchIndex.Name).Select(e => e.Pid).Reverse()),
            "exactly the reverse of the start order, the killed index left out.");
        Assert.That(started.All(e => !Node.IsAlive(e.Pid)), Is.True, "nothing of the tree is left running.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_tree_waits_for_a_printer_mid_page_before_stopping_the_desks(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Log), "the newsroom");
        var press = await ChildAsync(newsroom, typeof(Press), "the newsroom");
        var printer = await PrintingAsync(press);
        var exit = Watch(printer);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var stopping = Supervisor.StopAsync(Node, newsroom, cancellationToken: patience.Token);
        await LogAsync(e => e.Kind == "terminating" && e.Pid == printer, "the printer's Terminate", printer, "the printer");
        Clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.That(Log.TerminatedWorkers, Has.No.Member("politics"),
            "the desks wait: the press (a supervisor, shutdown infinity) is still stopping its printer.");
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await ExitReasonAsync(exit, "the printer"), Is.EqualTo(ExitReason.Killed), "killed after its 2 s.");
        await stopping;
        Assert.That(Log.TerminatedWorkers,
            Is.EqualTo(new[] { "interview", "correction", "wire", Courier.Name, Printer.Name, "politics", "weather", "sports", Archive.Name }),
            "then the rest, in reverse start order.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_one_for_all_restart_waits_for_the_printer_to_finish_its_page(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Log), "the press");
        var printer = await PrintingAsync(press);
        var courier = await ChildAsync(press, typeof(Courier), "the press");
        var exit = Watch(printer);

        await CrashAsync(courier, "the courier");
        await LogAsync(e => e.Kind == "terminating" && e.Pid == printer, "the printer's Terminate in the restart", printer, "the printer");
        Node.Send(printer, new PageDone());

        Assert.That(await ExitReasonAsync(exit, "the printer"), Is.EqualTo(ExitReason.Shutdown), "the printer finished its page and stopped cleanly.");
        var newPrinter = await ChildAsync(press, typeof(Printer), "the press");
        var newCourier = await ChildAsync(press, typeof(Courier), "the press");
        Assert.That(await CallAsync<Pid?>(newPrinter, new PairedWith(), "the new printer's partner"), Is.EqualTo(newCourier), "then both started again, paired.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_stuck_printer_is_killed_in_a_restart_too_and_the_pair_comes_back(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Log), "the press");
        var printer = await PrintingAsync(press);
        var exit = Watch(printer);

        await CrashAsync(await ChildAsync(press, typeof(Courier), "the press"), "the courier");
        await LogAsync(e => e.Kind == "terminating" && e.Pid == printer, "the printer's Terminate in the restart", printer, "the printer");
        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.That(await ExitReasonAsync(exit, "the printer"), Is.EqualTo(ExitReason.Killed), "killed after its 2 s.");
        var newPrinter = await ChildAsync(press, typeof(Printer), "the press");
        Assert.That(newPrinter, Is.Not.EqualTo(printer), "a new printer runs.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_index_is_killed_when_a_crashed_archive_restarts_it(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Log), "the library");
        var index = await ChildAsync(library, typeof(SearchIndex), "the library");
        var exit = Watch(index);

        await CrashAsync(await ChildAsync(library, typeof(Archive), "the library"), "the archive");

        Assert.That(await ExitReasonAsync(exit, "the old index"), Is.EqualTo(ExitReason.Killed), "rest_for_one stops the index with its own shutdown: brutal kill.");
        Assert.That(Log.TerminatedWorkers, Is.EqualTo(new[] { Archive.Name }), "only the archive's Terminate ran (with its crash).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_desk_terminated_by_hand_is_told_shutdown_and_can_be_restarted(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Log), "the desks");
        var weather = await ChildAsync(desks, "weather", "the desks");
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Supervisor.TerminateChildAsync(Node, desks, "weather", patience.Token);
        Assert.That(Log.Entries.Single(e => e.Kind == "terminating"), Is.EqualTo(new LogEntry("terminating", "weather", weather, ExitReason.Shutdown)),
            "TerminateChildAsync stops the child with its shutdown spec: the shutdown signal, then Terminate.");
        var again = await Supervisor.RestartChildAsync(Node, desks, "weather", patience.Token);

        Assert.That(again, Is.Not.Null.And.Not.EqualTo(weather), "the spec is kept: the desk can be started again from it.");
        Assert.That(Log.StartedWorkers.Count(w => w == "weather"), Is.EqualTo(2), "a new Staffer named weather.");
    }
}
