using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Hidden;

[Property("Step", 1)]
public sealed class CrewSuite : HiddenTest
{
    [Test]
    public void Arguments_are_checked()
    {
        Assert.That(() => Crew.StartAsync(null!, 2), Throws.ArgumentNullException, "Step 1: Crew.StartAsync refuses a null starter with ArgumentNullException.");
        Assert.That(() => Crew.StartAsync(Inbox, 0), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 1: Crew.StartAsync refuses a crew of 0 with ArgumentOutOfRangeException.");
        Assert.That(() => Crew.StartAsync(Inbox, -3), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 1: Crew.StartAsync refuses a negative size with ArgumentOutOfRangeException.");
        Assert.That(Node.ProcessCount, Is.EqualTo(1), "a refused start spawns nothing (the inbox is the only process)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crew_of_one_has_no_links(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 1), "a crew of one");

        Assert.That(crew, Has.Count.EqualTo(1), "Step 1: a crew of one is one member.");
        Assert.That(Node.GetInfo(crew[0])!.Links, Is.Empty, "Step 1: a crew of one has no links: the starter stays out of the crew.");
        await AnswersPingAsync(crew[0], "the only member");
        Assert.That(await AnyLeftAsync(), Is.Null, "StartAsync consumed every join message it caused");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_of_a_random_member_of_a_random_crew_ends_every_member_with_its_reason(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var size = random.Next(2, 13);
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, size), $"a crew of {size}");
        Assert.That(crew.Distinct().Count(), Is.EqualTo(size), "every member is its own process");
        for (var i = 0; i < size; i++)
        {
            var expected = new[] { i - 1, i + 1 }.Where(j => j >= 0 && j < size).Select(j => crew[j]);
            Assert.That(Node.GetInfo(crew[i])!.Links, Is.EquivalentTo(expected), $"member {i} of {size}: links");
        }

        var monitors = crew.Select(Inbox.Monitor).ToList();
        var victim = random.Next(size);
        Inbox.Send(crew[victim], new Crash("random"));

        var reason = await ExitReasonAsync(monitors[victim], $"member {victim}");
        Assert.That(reason, Is.TypeOf<InvalidOperationException>(), "Step 1: the crashed member exits with the exception of its crash.");
        foreach (var i in Enumerable.Range(0, size).Where(i => i != victim))
        {
            Assert.That(await ExitReasonAsync(monitors[i], $"member {i}"), Is.SameAs(reason), $"member {i} of {size}, crash at {victim}");
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    [CancelAfter(10_000)]
    public async Task A_normal_exit_at_either_end_leaves_the_rest_linked_and_running(bool first, CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 4), "a crew of 4");
        var leaving = first ? crew[0] : crew[3];
        var down = Inbox.Monitor(leaving);

        Inbox.Send(leaving, new Finish());
        Assert.That(await ExitReasonAsync(down, "the finished member"), Is.EqualTo(ExitReason.Normal), "Step 1: a member that finishes exits normal.");

        foreach (var pid in crew.Where(p => p != leaving))
        {
            await AnswersPingAsync(pid, "a member that stayed");
            Assert.That(Node.GetInfo(pid)!.Links, Does.Not.Contain(leaving), "a dead process's links are gone");
        }

        var monitors = crew.Where(p => p != leaving).Select(Inbox.Monitor).ToList();
        Inbox.Send(crew[1], new Crash("later"));
        foreach (var monitor in monitors)
        {
            Assert.That(await ExitReasonAsync(monitor, "a remaining member"), Is.TypeOf<InvalidOperationException>(),
                "the remaining members are still linked to each other");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_exit_signal_with_any_other_reason_ends_the_whole_crew_with_that_reason(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 3), "a crew of 3");
        var monitors = crew.Select(Inbox.Monitor).ToList();
        var reason = new Atom("enough");

        Node.Exit(crew[2], reason);

        foreach (var monitor in monitors)
        {
            Assert.That(await ExitReasonAsync(monitor, "a member"), Is.EqualTo(reason), "Step 1: an exit signal with any other reason ends every member, with that reason, along the links.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_exit_signal_normal_from_outside_is_ignored_by_every_member(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 3), "a crew of 3");

        Inbox.Exit(crew[1], ExitReason.Normal);

        foreach (var pid in crew)
        {
            await AnswersPingAsync(pid, "a member sent exit(normal)");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_crews_are_independent_and_the_starter_mail_is_kept(CancellationToken cancellationToken)
    {
        Inbox.Send(Inbox.Self, "mine");
        var one = await CompletesAsync(Crew.StartAsync(Inbox, 3), "crew one");
        var two = await CompletesAsync(Crew.StartAsync(Inbox, 2), "crew two");
        Assert.That(one.Intersect(two), Is.Empty, "Step 1: two crews share no member.");
        Assert.That(await Inbox.ReceiveAsync<string>(timeout: TimeSpan.Zero), Is.EqualTo("mine"),
            "StartAsync receives only its own join messages");
        Assert.That(await AnyLeftAsync(), Is.Null, "and leaves none of them behind");

        var monitors = one.Select(Inbox.Monitor).ToList();
        Inbox.Send(one[0], new Crash("one only"));
        foreach (var monitor in monitors)
        {
            await ExitReasonAsync(monitor, "a member of crew one");
        }

        foreach (var pid in two)
        {
            await AnswersPingAsync(pid, "a member of crew two");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_members_run_the_given_worker_and_ignore_stray_messages(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 2), "a crew of 2");

        Inbox.Send(crew[0], "stray");
        Inbox.Send(crew[0], 42);

        await AnswersPingAsync(crew[0], "a member after stray messages");
        Assert.That(Node.IsAlive(crew[1]), Is.True, "Step 1: stray messages to one member do not end the member linked to it.");
    }
}
