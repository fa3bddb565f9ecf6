using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Hidden;

/// <summary>The application, its tree, its stop, and what a crash anywhere in the tree does to the sessions.</summary>
public sealed class LifecycleSuite : HiddenQuiz
{
    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task The_tree_is_the_application_master_over_a_root_supervisor_over_the_sessions_supervisor(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await SessionAsync(service, "ann", 3);

        var tree = await WaitFor(Observer.WalkTreeAsync(Node, service.App.TopSupervisor!), "the tree below the root", 3);
        Assert.That(Node.GetInfo(service.App.TopSupervisor!)?.Behaviour, Is.EqualTo("supervisor"), "Step 3: the root is a Supervisor (see README, step 3).");
        Assert.That(tree.Children.Select(c => c.Id), Is.EqualTo(new object[] { "sessions" }), "Step 3: the root has one child, \"sessions\" (see README, step 3).");
        Assert.That(tree.Children[0].Children.Select(c => c.Pid), Is.EqualTo(new[] { service.WhereIs("ann") }),
            "Step 3: the sessions hang below the sessions' supervisor (see README, steps 3 and 4).");
        Assert.That(Node.Applications(), Does.Contain(service.App), "Step 3: the service's application runs on the node (see README, step 3).");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_stopped_service_has_exited_its_application_and_ended_every_session(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var pids = new[] { await SessionAsync(service, "ann"), await SessionAsync(service, "bob"), await SessionAsync(service, "cid") };
        var exits = pids.Select(p => Node.WaitForExitAsync(p)).ToArray();

        await WaitFor(service.StopAsync(), "QuizService.StopAsync", 3);

        Assert.That(await WaitFor(service.App.Exited, "the application's Exited", 3), Is.EqualTo(ExitReason.Shutdown), "Step 3: the application stopped as asked (see README, step 3).");
        Assert.That(await WaitFor(Task.WhenAll(exits), "every session's exit", 4), Is.All.EqualTo(ExitReason.Shutdown), "Step 4: every session was shut down with the tree (see README, step 4).");
        Assert.That(Node.Applications(), Does.Not.Contain(service.App), "Step 3: the application no longer runs (see README, step 3).");
        Assert.That(service.Players(), Is.Empty, "Step 4: no player has a session any more (see README, step 4).");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_one_service_leaves_another_on_the_same_node_running(CancellationToken cancellationToken)
    {
        var first = await StartServiceAsync();
        var second = await StartServiceAsync();
        await SessionAsync(first, "ann");
        var bob = await SessionAsync(second, "ann");
        await WaitFor(second.AnswerAsync("ann", "the waggle dance"), "the second service's answer", 4);

        await WaitFor(first.StopAsync(), "the first service's StopAsync", 3);

        Assert.That(second.App.IsRunning, Is.True, "Step 3: the other service runs on (see README, step 3).");
        Assert.That(second.WhereIs("ann"), Is.EqualTo(bob), "Step 3: the same player in another service is another session, untouched (see README, steps 3 and 4).");
        Assert.That(await WaitFor(second.ProgressAsync("ann"), "the second service's progress for ann", 4), Is.EqualTo(Fresh("ann") with { Next = 1, Score = 1 }),
            "Step 3: with its progress (see README, step 3).");
    }

    [Property("Step", 7)]
    [Test]
    [CancelAfter(10_000)]
    public async Task After_the_sessions_supervisor_restarts_every_name_is_free_and_the_service_works_again(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var players = new[] { "ann", "bob", "cid", "dee" };
        var pids = await Task.WhenAll(players.Select(p => SessionAsync(service, p, 7)));
        var sessions = service.Config.Sessions.WhereIs(Node)!;

        Node.Exit(sessions, ExitReason.Kill);
        foreach (var pid in pids)
        {
            await ExitOf(pid, "a session whose supervisor was killed", 7);
        }

        await WaitFor(Supervisor.WhichChildrenAsync(Node, service.App.TopSupervisor!), "the root's WhichChildrenAsync", 7);
        Assert.That(players.Select(service.WhereIs), Is.All.Null, "Step 7: no name is left to a dead session (see README, step 7).");
        foreach (var player in players)
        {
            Assert.ThrowsAsync<NoProcessException>(() => service.ProgressAsync(player), $"Step 7: {player} has no session after the restart (see README, step 7).");
        }

        var again = await Task.WhenAll(players.Select(p => SessionAsync(service, p, 7)));
        Assert.That(again.Intersect(pids), Is.Empty, "Step 7: new sessions start under the new supervisor (see README, step 7).");
        Assert.That(await RunningSessionsAsync(service, 7), Is.EqualTo(players.Length), "Step 7: one each (see README, step 7).");
        Assert.That(service.App.IsRunning, Is.True, "Step 7: the application never stopped (see README, step 7).");
    }
}
