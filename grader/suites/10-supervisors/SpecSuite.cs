using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Hidden;

/// <summary>Every child spec, read back from its supervisor: id, restart type, type and shutdown.</summary>
public sealed class SpecSuite : HiddenTest
{
    private static void AssertSpec(ChildSpec spec, object id, RestartType restart, ChildType type, ShutdownSpec shutdown, string what)
    {
        Assert.That(spec.Id, Is.EqualTo(id), $"{what}: id (README: the child specs).");
        Assert.That(spec.Restart, Is.EqualTo(restart), $"{what}: restart type (README, steps 1 to 5).");
        Assert.That(spec.Type, Is.EqualTo(type), $"{what}: worker or supervisor.");
        Assert.That(spec.EffectiveShutdown, Is.EqualTo(shutdown), $"{what}: shutdown (README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task The_desks_are_permanent_workers_with_the_default_shutdown(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Log), "the desks");
        foreach (var name in new[] { "sports", "weather", "politics" })
        {
            AssertSpec(await SpecAsync(desks, name), name, RestartType.Permanent, ChildType.Worker, ShutdownSpec.Default, $"the {name} desk");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_archive_keeps_the_defaults_and_the_index_is_brutally_killed(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Log), "the library");
        AssertSpec(await SpecAsync(library, typeof(Archive)), typeof(Archive), RestartType.Permanent, ChildType.Worker, ShutdownSpec.Default, "the archive");
        AssertSpec(await SpecAsync(library, typeof(SearchIndex)), typeof(SearchIndex), RestartType.Permanent, ChildType.Worker, ShutdownSpec.BrutalKill, "the index");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_printer_gets_two_seconds_and_the_courier_the_default(CancellationToken cancellationToken)
    {
        var press = await StartAsync(new Press(Log), "the press");
        AssertSpec(await SpecAsync(press, typeof(Printer)), typeof(Printer), RestartType.Permanent, ChildType.Worker,
            ShutdownSpec.After(TimeSpan.FromSeconds(2)), "the printer");
        AssertSpec(await SpecAsync(press, typeof(Courier)), typeof(Courier), RestartType.Permanent, ChildType.Worker, ShutdownSpec.Default, "the courier");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task The_assignments_have_their_restart_types_and_the_default_shutdown(CancellationToken cancellationToken)
    {
        var assignments = await StartAsync(new Assignments(Log), "the assignments");
        AssertSpec(await SpecAsync(assignments, "wire"), "wire", RestartType.Permanent, ChildType.Worker, ShutdownSpec.Default, "the wire");
        AssertSpec(await SpecAsync(assignments, "correction"), "correction", RestartType.Transient, ChildType.Worker, ShutdownSpec.Default, "the correction");
        AssertSpec(await SpecAsync(assignments, "interview"), "interview", RestartType.Temporary, ChildType.Worker, ShutdownSpec.Default, "the interview");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task The_subsystems_are_permanent_supervisors_with_shutdown_infinity(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Log), "the newsroom");
        var children = await ChildrenAsync(newsroom, "the newsroom");
        Assert.That(children.Select(c => c.Id), Is.EqualTo(new object[] { typeof(Assignments), typeof(Press), typeof(Desks), typeof(Library) }),
            "the newsroom starts Library, Desks, Press, Assignments in that order (WhichChildrenAsync lists the newest first).");
        foreach (var type in new[] { typeof(Library), typeof(Desks), typeof(Press), typeof(Assignments) })
        {
            AssertSpec(await SpecAsync(newsroom, type), type, RestartType.Permanent, ChildType.Supervisor, ShutdownSpec.Infinity, type.Name);
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        Assert.That(await Supervisor.CountChildrenAsync(Node, newsroom, patience.Token), Is.EqualTo(new ChildCounts(4, 4, 4, 0)),
            "four specs, four running, four supervisors, no workers.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task The_whole_tree_starts_every_worker_once_in_depth_first_order(CancellationToken cancellationToken)
    {
        await StartAsync(new Newsroom(Log), "the newsroom");

        Assert.That(Log.StartedWorkers, Is.EqualTo(new[]
            {
                Archive.Name, SearchIndex.Name, "sports", "weather", "politics", Printer.Name, Courier.Name, "wire", "correction", "interview",
            }),
            "a supervisor child starts all its own children before the next sibling starts.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_supervisor_instance_can_be_started_again(CancellationToken cancellationToken)
    {
        var desks = new Desks(Log);
        var first = await StartAsync(desks, "the desks");
        await StopSupervisorAsync(first, "the desks");
        var second = await StartAsync(desks, "the same desks instance, again");

        Assert.That((await ChildrenAsync(second, "the desks")).Select(c => c.Id), Is.EqualTo(new[] { "politics", "weather", "sports" }),
            "Init builds new specs (and new workers) on every start.");
    }
}
