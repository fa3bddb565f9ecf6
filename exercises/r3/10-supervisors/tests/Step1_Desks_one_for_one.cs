using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Tests;

/// <summary>Step 1: child specs, and one_for_one for children that do not depend on each other.</summary>
public sealed class Step1_Desks_one_for_one : NodeTest
{
    protected override int Step => 1;

    private static readonly string[] StartOrder = ["sports", "weather", "politics"];

    [Test]
    [CancelAfter(10_000)]
    public async Task The_desks_are_three_workers_with_their_names_as_ids_started_in_order(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Journal), "the desks");

        var children = await ChildrenAsync(desks, "the desks");
        Assert.That(children.Select(c => c.Id), Is.EqualTo(StartOrder.Reverse()),
            $"Step 1: the desks' ids are their names, started sports, weather, politics; WhichChildrenAsync lists the newest first. Got {Ids(children)} {See}.");
        Assert.That(children.Select(c => c.Type), Is.All.EqualTo(ChildType.Worker), $"Step 1: every desk is a worker {See}.");
        Assert.That(Journal.StartedWorkers, Is.EqualTo(StartOrder),
            $"Step 1: each desk is a Staffer named after its desk, started in the order sports, weather, politics {See}.");
        var started = Journal.Entries.Where(e => e.Kind == "started").ToDictionary(e => e.Worker, e => e.Pid);
        foreach (var child in children)
        {
            Assert.That(child.Pid, Is.EqualTo(started[(string)child.Id]),
                $"Step 1: the child with id \"{child.Id}\" is the Staffer named \"{child.Id}\" {See}.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_desk_is_restarted_alone_as_a_new_process(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Journal), "the desks");
        var before = (await ChildrenAsync(desks, "the desks")).ToDictionary(c => c.Id, c => c.Pid);

        await CrashAsync(before["sports"]!, "the sports desk");

        var after = (await ChildrenAsync(desks, "the desks")).ToDictionary(c => c.Id, c => c.Pid);
        Assert.That(after["sports"], Is.Not.Null.And.Not.EqualTo(before["sports"]),
            $"Step 1: a crashed desk is restarted, as a new process: a new pid under the same id {See}.");
        Assert.That(Node.IsAlive(after["sports"]!), Is.True, $"Step 1: the restarted sports desk runs {See}.");
        Assert.That(after["weather"], Is.EqualTo(before["weather"]),
            $"Step 1: the weather desk does not depend on sports: one_for_one leaves it running, same pid {See}.");
        Assert.That(after["politics"], Is.EqualTo(before["politics"]),
            $"Step 1: the politics desk does not depend on sports: one_for_one leaves it running, same pid {See}.");
        Assert.That(Journal.TerminatedWorkers, Is.EqualTo(new[] { "sports" }),
            $"Step 1: only the crashed desk stopped; the others' Terminate never ran {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_desk_comes_back_after_its_own_crash_and_only_it(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Journal), "the desks");

        foreach (var desk in StartOrder.Reverse())
        {
            Clock.Advance(TimeSpan.FromMinutes(1)); // crashes far apart: restart intensity (step 5) plays no part here
            var before = (await ChildrenAsync(desks, "the desks")).ToDictionary(c => c.Id, c => c.Pid);

            await CrashAsync(before[desk]!, $"the {desk} desk");

            var after = (await ChildrenAsync(desks, "the desks")).ToDictionary(c => c.Id, c => c.Pid);
            foreach (var other in StartOrder)
            {
                if (other == desk)
                {
                    Assert.That(after[other], Is.Not.Null.And.Not.EqualTo(before[other]), $"Step 1: the crashed {desk} desk is restarted {See}.");
                }
                else
                {
                    Assert.That(after[other], Is.EqualTo(before[other]),
                        $"Step 1: a crash of the {desk} desk leaves the {other} desk alone (one_for_one), whatever the order {See}.");
                }
            }
        }
    }
}
