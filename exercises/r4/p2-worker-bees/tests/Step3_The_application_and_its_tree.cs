using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Tests;

/// <summary>Step 3: the service is an application: a root supervisor over the sessions' dynamic supervisor, no session yet.</summary>
public sealed class Step3_The_application_and_its_tree : QuizTest
{
    protected override int Step => 3;

    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_runs_an_application_whose_tree_holds_the_sessions_supervisor(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();

        Assert.That(service.App.IsRunning, Is.True, "Step 3: StartAsync starts the QuizApp application (see README, step 3).");
        Assert.That(service.Node, Is.SameAs(Node), "Step 3: the service runs on the node given (see README, step 3).");
        Assert.That(service.Config.Questions, Is.EqualTo(Questions), "Step 3: the config holds the questions given, in order (see README, step 3).");
        Assert.That(service.Config.IdleTimeout, Is.EqualTo(IdleTimeout), "Step 3: the config holds the idle time-out given (see README, step 3).");
        Assert.That(service.Config.Registry.Kind, Is.EqualTo(RegistryKeys.Unique), "Step 3: the registry has unique keys: one session per player (see README, step 3).");

        var children = await WaitFor(Supervisor.WhichChildrenAsync(Node, service.App.TopSupervisor!), "the root supervisor's WhichChildrenAsync");
        var sessions = service.Config.Sessions.WhereIs(Node);
        Assert.That(children, Is.EqualTo(new[] { new ChildInfo("sessions", sessions, ChildType.Supervisor, false) }),
            "Step 3: the root has one child, id \"sessions\": the DynamicSupervisor named Config.Sessions (see README, step 3).");
        Assert.That(Node.GetInfo(sessions!)?.Behaviour, Is.EqualTo("dynamic_supervisor"), "Step 3: the sessions' supervisor is a DynamicSupervisor (see README, step 3).");
        Assert.That(await RunningSessionsAsync(service), Is.Zero, "Step 3: no session runs until a player asks for one (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_services_on_one_node_each_have_their_own_tree(CancellationToken cancellationToken)
    {
        var first = await StartServiceAsync();
        var second = await StartServiceAsync();

        Assert.That(second.Config.Registry, Is.Not.SameAs(first.Config.Registry), "Step 3: each service makes a registry of its own (see README, step 3).");
        Assert.That(second.Config.Sessions.WhereIs(Node), Is.Not.Null.And.Not.EqualTo(first.Config.Sessions.WhereIs(Node)),
            "Step 3: each service has its own sessions' supervisor, named in its own registry (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_service_stops_the_application_and_its_tree(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var root = service.App.TopSupervisor!;
        var sessions = service.Config.Sessions.WhereIs(Node)!;

        await WaitFor(service.StopAsync(), "QuizService.StopAsync");

        Assert.That(service.App.IsRunning, Is.False, "Step 3: StopAsync stops the application (see README, step 3).");
        Assert.That(Node.IsAlive(root), Is.False, "Step 3: the root supervisor has exited once StopAsync returns (see README, step 3).");
        Assert.That(Node.IsAlive(sessions), Is.False, "Step 3: the sessions' supervisor has exited with it (see README, step 3).");
    }
}
