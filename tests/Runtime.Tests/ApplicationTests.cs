using Otp;

namespace Runtime.Tests;

public sealed class ApplicationTests
{
    private Node _node = null!;
    private ProcessContext _inbox = null!;

    [SetUp]
    public void SetUp()
    {
        _node = new Node();
        _inbox = _node.CreateInbox();
    }

    [TearDown]
    public void TearDown()
    {
        _inbox.Dispose();
        _node.Dispose();
    }

    [Test, CancelAfter(5000)]
    public async Task Starting_an_application_starts_its_tree_and_stopping_it_stops_the_tree(CancellationToken ct)
    {
        var app = new TestApplication(_inbox.Self);
        await app.StartAsync(_node);
        var (_, _, worker) = await _inbox.NextValue<StartTuple>(ct);

        Assert.That(app.IsRunning, Is.True);
        Assert.That(_node.Applications(), Is.EqualTo(new[] { app }));

        await app.StopAsync();

        Assert.That(await app.Exited, Is.EqualTo(ExitReason.Shutdown));
        Assert.That(_node.IsAlive(worker), Is.False);
        Assert.That(app.StopState, Is.EqualTo("prepared"));
        Assert.That(_node.Applications(), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task A_temporary_application_whose_tree_dies_is_only_reported(CancellationToken ct)
    {
        var app = new TestApplication(_inbox.Self);
        await app.StartAsync(_node, ApplicationType.Temporary);

        _node.Exit(app.TopSupervisor!, ExitReason.Kill); // a supervisor traps exits: only kill ends it from outside

        Assert.That(await app.Exited.WaitAsync(ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(_node.IsAlive(_inbox.Self), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_permanent_application_whose_tree_dies_takes_the_node_down(CancellationToken ct)
    {
        var bystander = _node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var bystanderExit = _node.WaitForExitAsync(bystander, ct);
        var app = new TestApplication(_inbox.Self);
        await app.StartAsync(_node, ApplicationType.Permanent);

        _node.Exit(app.TopSupervisor!, ExitReason.Kill); // a supervisor traps exits: only kill ends it from outside

        Assert.That(await app.Exited.WaitAsync(ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(await bystanderExit, Is.EqualTo(ExitReason.Killed));
        Assert.That(await _node.WaitForExitAsync(_inbox.Self, ct), Is.Not.Null);
        Assert.That(_node.ProcessCount, Is.Zero);
    }

    [Test, CancelAfter(5000)]
    public void A_failing_start_callback_fails_the_start()
    {
        var app = new TestApplication(_inbox.Self, fail: true);

        Assert.ThrowsAsync<StartFailedException>(() => app.StartAsync(_node));
        Assert.That(app.IsRunning, Is.False);
    }

    [Test]
    public void The_environment_holds_values()
    {
        var app = new TestApplication(_inbox.Self);
        app.PutEnv("port", 8080);

        Assert.That(app.GetEnv("port"), Is.EqualTo(8080));
        Assert.That(app.GetEnv("host", "localhost"), Is.EqualTo("localhost"));
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
