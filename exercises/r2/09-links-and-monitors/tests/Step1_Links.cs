using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Tests;

/// <summary>Step 1: linked processes live and die together; a normal exit does not count as dying.</summary>
public sealed class Step1_Links : NodeTest
{
    protected override int Step => 1;

    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_returns_the_members_in_chain_order_each_linked_to_the_next(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 4), "Crew.StartAsync(inbox, 4)");

        Assert.That(crew, Has.Count.EqualTo(4), "Step 1: StartAsync(starter, 4) returns the 4 members (see README, step 1).");
        Assert.That(crew.All(Node.IsAlive), Is.True, "Step 1: every member is running when StartAsync returns (see README, step 1).");
        for (var i = 0; i < crew.Count; i++)
        {
            var expected = new[] { i - 1, i + 1 }.Where(j => j >= 0 && j < crew.Count).Select(j => crew[j]);
            Assert.That(Node.GetInfo(crew[i])!.Links, Is.EquivalentTo(expected),
                $"Step 1: member {i} is linked to the member before it and the one after it, and to no one else; " +
                "Node.GetInfo shows its links (see README, step 1).");
        }

        Assert.That(Node.GetInfo(Inbox.Self)!.Links, Is.Empty,
            "Step 1: the starter is not linked to its crew (a crash there must not end the starter; see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_travels_along_the_links_both_ways_to_every_member(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 5), "Crew.StartAsync(inbox, 5)");
        var monitors = crew.Select(Watching).ToList();

        Inbox.Send(crew[2], new Crash("boom"));

        var crashed = await ExitReasonAsync(monitors[2], "member 2, told to crash");
        Assert.That(crashed, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("boom"),
            "Step 1: member 2 crashed: its exit reason is the exception it threw (see README, step 1).");
        foreach (var i in new[] { 0, 1, 3, 4 })
        {
            var reason = await ExitReasonAsync(monitors[i], $"member {i} (a crash of member 2 should reach it through the links)");
            Assert.That(reason, Is.SameAs(crashed),
                $"Step 1: member {i} exits with the reason of the crash that reached it, unchanged (see README, step 1).");
        }

        Assert.That(Node.IsAlive(Inbox.Self), Is.True, "Step 1: the starter is not linked: it lives on (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_normal_exit_ends_only_the_member_that_finished(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 3), "Crew.StartAsync(inbox, 3)");
        var finished = Watching(crew[1]);

        Inbox.Send(crew[1], new Finish());

        Assert.That(await ExitReasonAsync(finished, "member 1, told to finish"), Is.EqualTo(ExitReason.Normal),
            "Step 1: a worker that finishes exits with reason normal (see README, step 1).");
        await AnswersPingAsync(crew[0], "member 0");
        await AnswersPingAsync(crew[2], "member 2");
        Assert.That(Node.IsAlive(crew[0]) && Node.IsAlive(crew[2]), Is.True,
            "Step 1: a normal exit travels along the links too, but a linked process that receives it ignores it (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_kill_ends_its_target_and_reaches_the_linked_members_as_killed(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 3), "Crew.StartAsync(inbox, 3)");
        var monitors = crew.Select(Watching).ToList();

        Inbox.Exit(crew[0], ExitReason.Kill);

        for (var i = 0; i < crew.Count; i++)
        {
            Assert.That(await ExitReasonAsync(monitors[i], $"member {i}"), Is.EqualTo(ExitReason.Killed),
                $"Step 1: the killed member exits with reason killed, and that is what the links carry on: member {i} " +
                "exits with killed, not kill (see README, step 1).");
        }
    }

    [Test]
    public void StartAsync_refuses_a_missing_starter_and_a_crew_of_none()
    {
        Assert.That(() => Crew.StartAsync(null!, 2), Throws.ArgumentNullException,
            "Step 1: a crew needs a starter: ArgumentNullException (see README, step 1).");
        Assert.That(() => Crew.StartAsync(Inbox, 0), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 1: a crew has at least one member: ArgumentOutOfRangeException for 0 (see README, step 1).");
        Assert.That(() => Worker.Reporting(null!), Throws.ArgumentNullException, "Step 1: the given Worker checks its arguments too.");
        Assert.That(() => Worker.RunAsync(null!), Throws.ArgumentNullException, "Step 1: the given Worker checks its arguments too.");
    }
}
