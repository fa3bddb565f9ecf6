using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Hidden;

/// <summary>The given workers' own rules, on which the supervisors' choices rest.</summary>
public sealed class GivenWorkersSuite : HiddenTest
{
    [Test]
    [Property("Step", 3)]
    public void The_workers_refuse_a_missing_log()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new Staffer("x", null!), "Staffer");
        Assert.Throws<ArgumentNullException>(() => _ = new Archive(null!), "Archive");
        Assert.Throws<ArgumentNullException>(() => _ = new SearchIndex(null!), "SearchIndex");
        Assert.Throws<ArgumentNullException>(() => _ = new Printer(null!), "Printer");
        Assert.Throws<ArgumentNullException>(() => _ = new Courier(null!), "Courier");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task A_second_courier_is_refused_by_a_paired_printer(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Log), "the press");
        var printer = await ChildAsync(press, typeof(Printer), "the press");
        var courier = await ChildAsync(press, typeof(Courier), "the press");

        var refused = Assert.ThrowsAsync<StartFailedException>(() => GenServer.StartAsync(Node, new Courier(Log)).WaitAsync(TimeSpan.FromSeconds(2)), "Step 3: the given Courier refuses to start against a printer already paired: StartFailedException.");

        Assert.That(refused!.Reason, Is.EqualTo(new Atom("printer_already_paired")), "a printer pairs once in its life.");
        Assert.That(await CallAsync<Pid?>(printer, new PairedWith(), "the printer's partner"), Is.EqualTo(courier), "the printer keeps its courier.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task A_courier_without_a_printer_cannot_start(CancellationToken cancellationToken)
    {
        var failed = Assert.ThrowsAsync<StartFailedException>(() => GenServer.StartAsync(Node, new Courier(Log)).WaitAsync(TimeSpan.FromSeconds(2)), "Step 3: the given Courier cannot start with no Printer registered: StartFailedException.");
        Assert.That(failed!.Reason, Is.InstanceOf<NoProcessException>(), "the courier calls the printer by name when it starts.");
        Assert.That(Log.StartedWorkers, Is.Empty, "a courier that cannot pair never reports a start.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task A_printer_whose_page_is_done_stops_at_once(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Log), "the press");
        var printer = await ChildAsync(press, typeof(Printer), "the press");
        var exit = Watch(printer);
        Assert.That(await CallAsync<bool>(printer, new PrintPage(), "the printer taking a page"), Is.True, "PrintPage replies true.");
        Node.Send(printer, new PageDone());
        Node.Send(printer, "noise");
        Assert.That(await CallAsync<Pid?>(printer, new PairedWith(), "the printer's partner"), Is.Not.Null, "the printer reads its mail in order.");

        await StopSupervisorAsync(press, "the press");

        Assert.That(await ExitReasonAsync(exit, "the printer"), Is.EqualTo(ExitReason.Shutdown),
            "a printer with no page on the press ends its Terminate at once, without the clock moving.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 2)]
    public async Task The_index_traps_exits_so_only_its_supervisor_can_stop_it(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Log), "the library");
        var index = await ChildAsync(library, typeof(SearchIndex), "the library");
        var archive = await ChildAsync(library, typeof(Archive), "the library");

        Node.Exit(index, new Atom("stray"));

        Assert.That(await CallAsync<Pid>(index, new LoadedFrom(), "the index, after a stray exit signal"), Is.EqualTo(archive),
            "a trapping index turns a stranger's exit signal into a message and lives on.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_crash_is_written_to_the_log_with_its_reason(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Log), "the desks");
        var weather = await ChildAsync(desks, "weather", "the desks");

        await CrashAsync(weather, "the weather desk");

        var entry = await LogAsync(e => e.Kind == "terminating", "the weather desk's Terminate", desks, "the desks");
        Assert.That(entry, Is.EqualTo(new LogEntry("terminating", "weather", weather, Crash)), "Terminate ran with the crash's reason.");
    }
}
