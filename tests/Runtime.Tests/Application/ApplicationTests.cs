using Otp;

namespace Runtime.Tests;

public sealed class ApplicationTests : RuntimeTest
{
    protected override bool UsesFakeClock => false;

    [Test, CancelAfter(5000)]
    public async Task Starting_an_application_starts_its_tree_and_stopping_it_stops_the_tree(CancellationToken ct)
    {
        var app = new TestApplication(Inbox.Self);
        await app.StartAsync(Node);
        var (_, _, worker) = await Inbox.NextValue<StartTuple>(ct);

        Assert.That(app.IsRunning, Is.True);
        Assert.That(Node.Applications(), Is.EqualTo(new[] { app }));

        await app.StopAsync();

        Assert.That(await app.Exited, Is.EqualTo(ExitReason.Shutdown));
        Assert.That(Node.IsAlive(worker), Is.False);
        Assert.That(app.StopState, Is.EqualTo("prepared"));
        Assert.That(Node.Applications(), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task A_temporary_application_whose_tree_dies_is_only_reported(CancellationToken ct)
    {
        var app = new TestApplication(Inbox.Self);
        await app.StartAsync(Node, ApplicationType.Temporary);

        Node.Exit(app.TopSupervisor!, ExitReason.Kill); // a supervisor traps exits: only kill ends it from outside

        Assert.That(await app.Exited.WaitAsync(ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(Node.IsAlive(Inbox.Self), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_permanent_application_whose_tree_dies_takes_the_node_down(CancellationToken ct)
    {
        var bystander = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var bystanderExit = Node.WaitForExitAsync(bystander, ct);
        var app = new TestApplication(Inbox.Self);
        await app.StartAsync(Node, ApplicationType.Permanent);

        Node.Exit(app.TopSupervisor!, ExitReason.Kill); // a supervisor traps exits: only kill ends it from outside

        Assert.That(await app.Exited.WaitAsync(ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(await bystanderExit, Is.EqualTo(ExitReason.Killed));
        Assert.That(await Node.WaitForExitAsync(Inbox.Self, ct), Is.Not.Null);
        Assert.That(Node.ProcessCount, Is.Zero);
    }

    // OTP's application:start/2: a transient application that terminates with reason normal is only reported; with any
    // other reason (shutdown included, which is how a supervisor that gave up exits) the node goes down with it.
    [Test, CancelAfter(5000)]
    public async Task A_transient_application_whose_tree_exits_normal_is_only_reported(CancellationToken ct)
    {
        var app = new TestApplication(Inbox.Self);
        await app.StartAsync(Node, ApplicationType.Transient);

        await Supervisor.StopAsync(Node, app.TopSupervisor!, ExitReason.Normal, ct);

        Assert.That(await app.Exited.WaitAsync(ct), Is.EqualTo(ExitReason.Normal));
        Assert.That(Node.IsAlive(Inbox.Self), Is.True, "a transient application that ends normally leaves the node running");
    }

    [TestCase("shutdown")]
    [TestCase("killed")]
    [CancelAfter(5000)]
    public async Task A_transient_application_whose_tree_exits_with_any_other_reason_takes_the_node_down(string how, CancellationToken ct)
    {
        var bystander = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var bystanderExit = Node.WaitForExitAsync(bystander, ct);
        var app = new TestApplication(Inbox.Self);
        await app.StartAsync(Node, ApplicationType.Transient);

        if (how == "shutdown")
        {
            await Supervisor.StopAsync(Node, app.TopSupervisor!, ExitReason.Shutdown, ct); // as a supervisor that gave up exits
        }
        else
        {
            Node.Exit(app.TopSupervisor!, ExitReason.Kill);
        }

        Assert.That(await app.Exited.WaitAsync(ct), Is.EqualTo(how == "shutdown" ? ExitReason.Shutdown : ExitReason.Killed));
        Assert.That(await bystanderExit, Is.EqualTo(ExitReason.Killed), $"a transient application whose tree exits with {how} takes the node down");
    }

    [Test, CancelAfter(5000)]
    public void A_failing_start_callback_fails_the_start()
    {
        var app = new TestApplication(Inbox.Self, fail: true);

        Assert.ThrowsAsync<StartFailedException>(() => app.StartAsync(Node));
        Assert.That(app.IsRunning, Is.False);
    }

    [Test]
    public void The_environment_holds_values()
    {
        var app = new TestApplication(Inbox.Self);
        app.PutEnv("port", 8080);

        Assert.That(app.GetEnv("port"), Is.EqualTo(8080));
        Assert.That(app.GetEnv("host", "localhost"), Is.EqualTo("localhost"));
    }


    [Test]
    public void An_unknown_application_type_is_refused_before_anything_starts()
    {
        var app = new TestApplication(Inbox.Self);
        var before = Node.ProcessCount;

        var error = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => app.StartAsync(Node, (ApplicationType)7));

        Assert.That(error!.ParamName, Is.EqualTo("type"), "the error should name the refused argument");
        Assert.That(app.IsRunning, Is.False, "a refused application should not run");
        Assert.That(Node.ProcessCount, Is.EqualTo(before), "no master or tree should have been started");
    }

    [Test, CancelAfter(5000)]
    public async Task A_stop_given_up_before_it_is_sent_leaves_the_application_running(CancellationToken ct)
    {
        var app = new TestApplication(Inbox.Self);
        await app.StartAsync(Node);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(() => app.StopAsync(cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(app.IsRunning, Is.True, "a stop cancelled before it was sent should not be sent");
        await app.StopAsync(ct);
        Assert.That(await app.Exited.WaitAsync(ct), Is.EqualTo(ExitReason.Shutdown));
    }

    [Test]
    public void The_environment_refuses_a_null_key()
    {
        var app = new TestApplication(Inbox.Self);

        Assert.That(() => app.GetEnv(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("key"));
        Assert.That(() => app.PutEnv(null!, 1), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("key"));
    }

    private sealed class TestApplication(Pid observer, bool fail = false) : Application
    {
        public object? StopState { get; private set; }

        protected override Task<Pid> StartAsync(ProcessContext master) =>
            Supervisor.StartLinkAsync(master, [Reporter.Spec("worker", observer, failStart: fail)]);

        protected override object? PrepStop() => "prepared";

        protected override void Stop(object? state) => StopState = state;
    }
}
