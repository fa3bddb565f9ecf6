using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Hidden;

/// <summary>The three strategies under random crash sequences, each crash far from the last (intensity plays no part).</summary>
public sealed class StrategySuite : HiddenTest
{
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(2);

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task Random_desk_crashes_restart_only_the_desk_that_crashed(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        string[] names = ["sports", "weather", "politics"];
        var desks = await StartAsync(new Desks(Log), "the desks");

        for (var round = 0; round < 8; round++)
        {
            Clock.Advance(Later);
            var desk = names[random.Next(names.Length)];
            var before = await PidsAsync(desks, "the desks");
            if (random.Next(2) == 0)
            {
                await CrashAsync(before[desk]!, $"the {desk} desk");
            }
            else
            {
                var exit = Watch(before[desk]!);
                Node.Exit(before[desk]!, ExitReason.Kill);
                await ExitReasonAsync(exit, $"the {desk} desk, killed");
            }

            var after = await PidsAsync(desks, "the desks");
            foreach (var name in names)
            {
                if (name == desk)
                {
                    Assert.That(after[name], Is.Not.Null.And.Not.EqualTo(before[name]), $"round {round}: the {name} desk is restarted.");
                }
                else
                {
                    Assert.That(after[name], Is.EqualTo(before[name]), $"round {round}: the {name} desk is left alone when {desk} exits (one_for_one).");
                }
            }
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 2)]
    public async Task Random_library_crashes_keep_the_index_loaded_from_the_running_archive(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var library = await StartAsync(new Library(Log), "the library");

        for (var round = 0; round < 8; round++)
        {
            Clock.Advance(Later);
            var archive = await ChildAsync(library, typeof(Archive), "the library");
            var index = await ChildAsync(library, typeof(SearchIndex), "the library");
            var archiveCrashes = random.Next(2) == 0;

            await CrashAsync(archiveCrashes ? archive : index, archiveCrashes ? "the archive" : "the index");

            var newArchive = await ChildAsync(library, typeof(Archive), "the library");
            var newIndex = await ChildAsync(library, typeof(SearchIndex), "the library");
            Assert.That(newIndex, Is.Not.EqualTo(index), $"round {round}: the index restarts whichever of the two crashed (rest_for_one).");
            Assert.That(newArchive == archive, Is.EqualTo(!archiveCrashes),
                $"round {round}: the archive restarts only when it crashed itself (archive crashed: {archiveCrashes}).");
            Assert.That(await CallAsync<Pid>(newIndex, new LoadedFrom(), "the index's archive"), Is.EqualTo(newArchive),
                $"round {round}: the index is loaded from the archive that runs.");
            Assert.That(GenServer.WhereIs(Node, Archive.Name), Is.EqualTo(newArchive), $"round {round}: the running archive holds the name.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task Random_press_crashes_restart_both_and_keep_them_paired(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var press = await StartAsync(new Press(Log), "the press");

        for (var round = 0; round < 8; round++)
        {
            Clock.Advance(Later);
            var printer = await ChildAsync(press, typeof(Printer), "the press");
            var courier = await ChildAsync(press, typeof(Courier), "the press");
            var victim = random.Next(2) == 0 ? printer : courier;
            if (random.Next(2) == 0)
            {
                await CrashAsync(victim, "a press worker");
            }
            else
            {
                var exit = Watch(victim);
                Node.Exit(victim, ExitReason.Kill);
                await ExitReasonAsync(exit, "a press worker, killed");
            }

            var newPrinter = await ChildAsync(press, typeof(Printer), "the press");
            var newCourier = await ChildAsync(press, typeof(Courier), "the press");
            Assert.That(newPrinter, Is.Not.EqualTo(printer), $"round {round}: the printer restarts (one_for_all).");
            Assert.That(newCourier, Is.Not.EqualTo(courier), $"round {round}: the courier restarts (one_for_all).");
            Assert.That(await CallAsync<Pid?>(newPrinter, new PairedWith(), "the printer's partner"), Is.EqualTo(newCourier), $"round {round}: paired.");
            Assert.That(await CallAsync<Pid?>(newCourier, new PairedWith(), "the courier's partner"), Is.EqualTo(newPrinter), $"round {round}: paired.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task A_worker_crash_deep_in_the_tree_is_handled_by_its_own_supervisor(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Log), "the newsroom");
        var subsystems = await PidsAsync(newsroom, "the newsroom");
        var library = subsystems[typeof(Library)]!;
        var press = subsystems[typeof(Press)]!;
        var printer = await ChildAsync(press, typeof(Printer), "the press");

        await CrashAsync(await ChildAsync(library, typeof(Archive), "the library"), "the archive");
        Clock.Advance(Later);
        await CrashAsync(await ChildAsync(subsystems[typeof(Assignments)]!, "wire", "the assignments"), "the wire");

        Assert.That(await PidsAsync(newsroom, "the newsroom"), Is.EqualTo(subsystems),
            "a crash its own supervisor restarts never reaches the newsroom: every subsystem keeps its pid.");
        Assert.That(await ChildAsync(press, typeof(Printer), "the press"), Is.EqualTo(printer), "the press did not notice.");
    }
}
