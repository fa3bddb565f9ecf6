using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Tests;

/// <summary>Step 4: permanent, transient and temporary children: what an exit means decides whether it is restarted.</summary>
public sealed class Step4_Restart_types : NodeTest
{
    protected override int Step => 4;

    /// <summary>Far more than any restart window: the restarts of one test never add up (that is step 5).</summary>
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(1);

    [Test]
    [CancelAfter(10_000)]
    public async Task The_assignments_start_in_order_with_their_names_as_ids(CancellationToken cancellationToken)
    {
        var assignments = await StartAsync(new Assignments(Journal), "the assignments");

        var children = await ChildrenAsync(assignments, "the assignments");
        Assert.That(children.Select(c => c.Id), Is.EqualTo(new[] { "interview", "correction", "wire" }),
            $"Step 4: the assignments are wire, correction, interview, in that order, their names as ids; WhichChildrenAsync lists the newest first. " +
            $"Got {Ids(children)} {See}.");
        Assert.That(Journal.StartedWorkers, Is.EqualTo(new[] { "wire", "correction", "interview" }),
            $"Step 4: each assignment is a Staffer named after it {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_wire_is_permanent_and_restarted_after_a_normal_exit_as_after_a_crash(CancellationToken cancellationToken)
    {
        var assignments = await StartAsync(new Assignments(Journal), "the assignments");
        var wire = await ChildAsync(assignments, "wire", "the assignments");

        await StopWorkerAsync(wire, ExitReason.Normal, "the wire");
        var second = await ChildAsync(assignments, "wire", "the assignments");
        Assert.That(second, Is.Not.EqualTo(wire), $"Step 4: the wire is permanent: even a normal exit restarts it {See}.");

        Clock.Advance(Later);
        await CrashAsync(second, "the wire");
        Assert.That(await ChildAsync(assignments, "wire", "the assignments"), Is.Not.EqualTo(second),
            $"Step 4: the wire is permanent: a crash restarts it {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_correction_is_transient_restarted_after_a_crash_and_done_after_a_normal_exit(CancellationToken cancellationToken)
    {
        var assignments = await StartAsync(new Assignments(Journal), "the assignments");
        var correction = await ChildAsync(assignments, "correction", "the assignments");

        await CrashAsync(correction, "the correction");
        var second = await ChildAsync(assignments, "correction", "the assignments");
        Assert.That(second, Is.Not.EqualTo(correction), $"Step 4: the correction is transient: a crash restarts it {See}.");

        Clock.Advance(Later);
        await StopWorkerAsync(second, ExitReason.Normal, "the correction");
        var children = await ChildrenAsync(assignments, "the assignments");
        var done = children.SingleOrDefault(c => Equals(c.Id, "correction"));
        Assert.That(done, Is.Not.Null, $"Step 4: a transient child that is done stays listed (it is not temporary). Got {Ids(children)} {See}.");
        Assert.That(done!.Pid, Is.Null, $"Step 4: the correction is transient: after a normal exit it is done and not restarted {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_correction_that_stops_with_shutdown_is_done_too(CancellationToken cancellationToken)
    {
        var assignments = await StartAsync(new Assignments(Journal), "the assignments");
        var correction = await ChildAsync(assignments, "correction", "the assignments");

        await StopWorkerAsync(correction, ExitReason.ShutdownWith(new Atom("published")), "the correction");

        var done = (await ChildrenAsync(assignments, "the assignments")).Single(c => Equals(c.Id, "correction"));
        Assert.That(done.Pid, Is.Null,
            $"Step 4: for a transient child, shutdown and {{shutdown, _}} are normal exits too, not crashes: no restart {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_interview_is_temporary_never_restarted_and_dropped_from_the_children(CancellationToken cancellationToken)
    {
        var assignments = await StartAsync(new Assignments(Journal), "the assignments");
        var before = (await ChildrenAsync(assignments, "the assignments")).ToDictionary(c => c.Id, c => c.Pid);

        await CrashAsync(before["interview"]!, "the interview");

        var children = await ChildrenAsync(assignments, "the assignments");
        Assert.That(children.Select(c => c.Id), Is.EqualTo(new[] { "correction", "wire" }),
            $"Step 4: the interview is temporary: not restarted after a crash, and its spec dropped from the children. Got {Ids(children)} {See}.");
        Assert.That(children.Select(c => c.Pid), Is.EqualTo(new[] { before["correction"], before["wire"] }),
            $"Step 4: the other assignments are left alone (one_for_one) {See}.");
        Assert.That(Journal.StartedWorkers.Count(w => w == "interview"), Is.EqualTo(1), $"Step 4: the interview started once, never again {See}.");
    }
}
