using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Tests;

/// <summary>Step 3: one_for_all, for a pair that shares a protocol neither can resume with a new partner.</summary>
public sealed class Step3_Press_one_for_all : NodeTest
{
    protected override int Step => 3;

    private async Task<Pid?> PartnerAsync(Pid worker)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        return await GenServer.CallAsync<Pid?>(Node, worker, new PairedWith(), cancellationToken: patience.Token);
    }

    private async Task<(Pid Printer, Pid Courier)> PairAsync(Pid press, string when)
    {
        var printer = await ChildAsync(press, typeof(Printer), "the press");
        var courier = await ChildAsync(press, typeof(Courier), "the press");
        Assert.That(await PartnerAsync(printer), Is.EqualTo(courier), $"Step 3: {when}, the printer is paired with the running courier {See}.");
        Assert.That(await PartnerAsync(courier), Is.EqualTo(printer), $"Step 3: {when}, the courier is paired with the running printer {See}.");
        return (printer, courier);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_press_starts_the_printer_then_the_courier_paired_with_each_other(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Journal), "the press");

        var children = await ChildrenAsync(press, "the press");
        Assert.That(children.Select(c => c.Id), Is.EqualTo(new object[] { typeof(Courier), typeof(Printer) }),
            $"Step 3: the press's children are the Printer, then the Courier, with their types as ids; WhichChildrenAsync lists the newest first. " +
            $"Got {Ids(children)} {See}.");
        var (printer, _) = await PairAsync(press, "after the start");
        Assert.That(GenServer.WhereIs(Node, Printer.Name), Is.EqualTo(printer),
            $"Step 3: the printer is registered as \"{Printer.Name}\", so the courier can find it {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_courier_takes_the_printer_with_it_and_both_start_again_paired(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Journal), "the press");
        var (printer, courier) = await PairAsync(press, "after the start");

        await CrashAsync(courier, "the courier");

        var (newPrinter, newCourier) = await PairAsync(press, "after the courier crashed");
        Assert.That(newCourier, Is.Not.EqualTo(courier), $"Step 3: the crashed courier is restarted {See}.");
        Assert.That(newPrinter, Is.Not.EqualTo(printer),
            $"Step 3: the old printer would refuse a new courier, so one_for_all restarts the printer too, though it did not crash {See}.");
        var printerStop = Journal.Entries.Single(e => e.Kind == "terminating" && e.Pid == printer);
        Assert.That(printerStop.Reason, Is.EqualTo(ExitReason.Shutdown),
            $"Step 3: the printer that did not crash was stopped by its supervisor, with shutdown {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_printer_takes_the_courier_with_it_and_both_start_again_paired(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Journal), "the press");
        var (printer, courier) = await PairAsync(press, "after the start");

        await CrashAsync(printer, "the printer");

        var (newPrinter, newCourier) = await PairAsync(press, "after the printer crashed");
        Assert.That(newPrinter, Is.Not.EqualTo(printer), $"Step 3: the crashed printer is restarted {See}.");
        Assert.That(newCourier, Is.Not.EqualTo(courier),
            $"Step 3: the old courier was paired with the dead printer, so one_for_all restarts it too {See}.");
        Assert.That(Journal.StartedWorkers, Is.EqualTo(new[] { Printer.Name, Courier.Name, Printer.Name, Courier.Name }),
            $"Step 3: every start of the pair is the printer first, then the courier {See}.");
    }
}
