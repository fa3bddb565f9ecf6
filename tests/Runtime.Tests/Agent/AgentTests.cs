using Otp;

namespace Runtime.Tests;

public sealed class AgentTests : RuntimeTest
{
    [Test, CancelAfter(5000)]
    public async Task Get_runs_the_function_on_the_value_inside_the_agent(CancellationToken ct)
    {
        var agent = await Agent.StartLinkAsync(Inbox, () => new List<string> { "a", "b" });

        var count = await Agent.GetAsync(Inbox, agent, (List<string> items) => items.Count, cancellationToken: ct);
        var self = await Agent.GetAsync(Node, agent, (List<string> _) => Node.GetInfo(agent)!.Behaviour, cancellationToken: ct);

        Assert.That(count, Is.EqualTo(2));
        Assert.That(self, Is.EqualTo("agent"));
        Assert.That(Node.GetInfo(agent)!.Links, Does.Contain(Inbox.Self));
    }

    [Test, CancelAfter(5000)]
    public async Task Update_replaces_the_value_and_returns_once_it_is_done(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 1);

        await Agent.UpdateAsync(Node, agent, (int n) => n + 41, cancellationToken: ct);

        Assert.That(await Agent.GetAsync(Node, agent, (int n) => n, cancellationToken: ct), Is.EqualTo(42));
    }

    [Test, CancelAfter(5000)]
    public async Task Get_and_update_returns_the_reply_and_keeps_the_new_value_in_one_step(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Inbox, () => 10);

        var old = await Agent.GetAndUpdateAsync(Inbox, agent, (int n) => (n, n * 2), cancellationToken: ct);
        var text = await Agent.GetAndUpdateAsync(Node, agent, (int n) => ($"was {n}", 0), cancellationToken: ct);

        Assert.That(old, Is.EqualTo(10));
        Assert.That(text, Is.EqualTo("was 20"));
        Assert.That(await Agent.GetAsync(Inbox, agent, (int n) => n, cancellationToken: ct), Is.EqualTo(0));
    }

    [Test, CancelAfter(5000)]
    public async Task A_cast_returns_at_once_and_updates_in_order_before_later_requests(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => "");

        Agent.Cast(Node, agent, (string s) => s + "a");
        Agent.Cast(Node, agent, (string s) => s + "b");

        Assert.That(await Agent.GetAsync(Node, agent, (string s) => s, cancellationToken: ct), Is.EqualTo("ab"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_cast_to_a_dead_agent_or_a_free_name_is_silently_lost(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 0);
        await Agent.StopAsync(Node, agent);

        Assert.DoesNotThrow(() => Agent.Cast(Node, "nobody", (int n) => n + 1));
        Assert.DoesNotThrow(() => Agent.Cast(Node, agent, (int n) => n + 1));
    }

    [Test, CancelAfter(5000)]
    public async Task An_agent_started_with_a_local_name_is_reached_by_that_name(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 7, name: "counter");

        await Agent.UpdateAsync(Node, "counter", (int n) => n + 1, cancellationToken: ct);

        Assert.That(Node.WhereIs("counter"), Is.EqualTo(agent));
        Assert.That(await Agent.GetAsync(Node, "counter", (int n) => n, cancellationToken: ct), Is.EqualTo(8));
    }

    [Test, CancelAfter(5000)]
    public async Task An_agent_started_via_a_registry_is_reached_through_the_registry(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Unique);
        var name = ServerName.Via(registry, ("bucket", 1));
        var agent = await Agent.StartAsync(Node, () => "milk", name);

        Assert.That(registry.WhereIsName(("bucket", 1)), Is.EqualTo(agent));
        Assert.That(await Agent.GetAsync(Node, name, (string s) => s, cancellationToken: ct), Is.EqualTo("milk"));
    }

    [Test, CancelAfter(5000)]
    public async Task Starting_a_second_agent_under_a_taken_name_fails_with_already_started(CancellationToken ct)
    {
        var first = await Agent.StartAsync(Node, () => 1, name: "only");

        var failed = Assert.ThrowsAsync<StartFailedException>(() => Agent.StartAsync(Node, () => 2, name: "only"));

        Assert.That(failed!.Reason, Is.EqualTo((new Atom("already_started"), first)));
    }

    [Test, CancelAfter(5000)]
    public void An_init_function_that_throws_fails_the_start_with_the_exception()
    {
        var failed = Assert.ThrowsAsync<StartFailedException>(() =>
            Agent.StartAsync<int>(Node, () => throw new InvalidOperationException("no value")));

        Assert.That(failed!.Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task A_get_times_out_after_five_seconds_by_default(CancellationToken ct)
    {
        using var release = new ManualResetEventSlim();
        var agent = await Agent.StartAsync(Node, () => 0);
        var blocked = Agent.UpdateAsync(Node, agent, (int n) =>
        {
            release.Wait(ct); // keeps the agent busy until the test lets it go
            return n;
        }, Timeout.InfiniteTimeSpan, ct);

        var get = Agent.GetAsync(Node, agent, (int n) => n, cancellationToken: ct);
        Clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.That(get.IsCompleted, Is.False);
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = Assert.ThrowsAsync<CallTimeoutException>(() => get);
        Assert.That(error!.Timeout, Is.EqualTo(Agent.DefaultTimeout));
        release.Set();
        await blocked;
    }

    [Test, CancelAfter(5000)]
    public async Task An_update_with_a_timeout_fails_after_that_timeout(CancellationToken ct)
    {
        using var release = new ManualResetEventSlim();
        var agent = await Agent.StartAsync(Node, () => 0);
        var blocked = Agent.UpdateAsync(Node, agent, (int n) =>
        {
            release.Wait(ct);
            return n;
        }, Timeout.InfiniteTimeSpan, ct);

        var update = Agent.UpdateAsync(Node, agent, (int n) => n + 1, TimeSpan.FromMilliseconds(100), ct);
        Clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAsync<CallTimeoutException>(() => update);
        release.Set();
        await blocked;
    }

    [Test, CancelAfter(5000)]
    public async Task A_function_that_throws_crashes_the_agent_and_fails_the_caller_with_its_reason(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 0);
        var monitor = Inbox.Monitor(agent);

        var error = Assert.ThrowsAsync<ProcessExitedException>(() =>
            Agent.GetAsync<int, int>(Node, agent, n => throw new InvalidOperationException("boom"), cancellationToken: ct));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidOperationException>());
        Assert.That(await Inbox.DownReason(monitor, ct), Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Asking_for_the_wrong_value_type_crashes_the_agent_with_an_invalid_cast(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 0);

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => Agent.GetAsync(Node, agent, (string s) => s, cancellationToken: ct));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidCastException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Calls_to_a_dead_agent_or_a_free_name_fail_with_noproc(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 0);
        await Agent.StopAsync(Node, agent);

        Assert.ThrowsAsync<NoProcessException>(() => Agent.GetAsync(Node, agent, (int n) => n, cancellationToken: ct));
        Assert.ThrowsAsync<NoProcessException>(() => Agent.UpdateAsync(Inbox, "nobody", (int n) => n, cancellationToken: ct));
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_ends_the_agent_with_the_given_reason(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var agent = await Agent.StartLinkAsync(Inbox, () => 0);

        await Agent.StopAsync(Node, agent, ExitReason.Shutdown);

        var exit = await Inbox.Next<ExitMessage>(ct);
        Assert.That(exit.Reason, Is.EqualTo(ExitReason.Shutdown));
        Assert.That(Node.IsAlive(agent), Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task An_agent_under_a_supervisor_is_restarted_with_a_fresh_value_after_a_crash(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [ChildSpec.Worker("agent", c => Agent.StartLinkAsync(c, () => 0, name: "stash"))]);
        await Agent.UpdateAsync(Node, "stash", (int n) => n + 5, cancellationToken: ct);
        var first = Node.WhereIs("stash")!;
        var down = Inbox.Monitor(first);

        Assert.ThrowsAsync<ProcessExitedException>(() => Agent.GetAsync<int, int>(Node, "stash", _ => throw new InvalidOperationException(), cancellationToken: ct));
        await Inbox.DownReason(down, ct);
        var children = await Supervisor.WhichChildrenAsync(Node, sup);

        Assert.That(children.Single().Pid, Is.Not.EqualTo(first).And.Not.Null);
        Assert.That(await Agent.GetAsync(Node, children.Single().Pid!, (int n) => n, cancellationToken: ct), Is.Zero);
    }

    [Test]
    public void A_start_with_a_negative_timeout_is_refused_before_any_process_is_spawned()
    {
        var before = Node.ProcessCount;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Agent.StartAsync(Node, () => 0, timeout: TimeSpan.FromSeconds(-1)));

        Assert.That(error!.ParamName, Is.EqualTo("timeout"), "the error should name the refused argument");
        Assert.That(Node.ProcessCount, Is.EqualTo(before), "no agent should have been spawned for a refused start");
    }

    [Test, CancelAfter(5000)]
    public async Task A_stop_with_a_negative_timeout_is_refused_and_leaves_the_agent_running(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Agent.StopAsync(Node, agent, timeout: TimeSpan.FromSeconds(-1)));

        Assert.That(error!.ParamName, Is.EqualTo("timeout"), "the error should name the refused argument");
        Assert.That(await Agent.GetAsync(Node, agent, (int n) => n, cancellationToken: ct), Is.EqualTo(1), "the agent should still answer");
    }

    [Test, CancelAfter(5000)]
    public async Task A_cast_and_a_stop_can_come_from_a_process(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 1);
        var monitor = Inbox.Monitor(agent);

        Agent.Cast(Inbox, agent, (int n) => n + 1);
        var value = await Agent.GetAsync(Inbox, agent, (int n) => n, cancellationToken: ct);
        await Agent.StopAsync(Inbox, agent, ExitReason.Shutdown, cancellationToken: ct);

        Assert.That(value, Is.EqualTo(2), "the cast should have run before the get");
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown), "the agent should exit with the reason given");
    }

    [Test, CancelAfter(5000)]
    public void A_process_asking_itself_to_stop_as_an_agent_fails_with_calling_self()
    {
        Inbox.Register("me");

        Assert.ThrowsAsync<CallingSelfException>(() => Agent.StopAsync(Inbox, "me"), "waiting for one's own exit would never end");
        Assert.That(Node.IsAlive(Inbox.Self), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_caller_can_give_up_waiting_for_a_stop_and_the_agent_still_stops(CancellationToken ct)
    {
        using var release = new ManualResetEventSlim();
        using var giveUp = new CancellationTokenSource();
        var agent = await Agent.StartAsync(Node, () => 0);
        var monitor = Inbox.Monitor(agent);
        Agent.Cast(Node, agent, (int n) =>
        {
            release.Wait(ct); // keeps the agent busy, so the stop waits behind this cast
            return n;
        });

        var stopping = Agent.StopAsync(Node, agent, cancellationToken: giveUp.Token);
        await giveUp.CancelAsync();

        Assert.That(() => stopping, Throws.InstanceOf<OperationCanceledException>(), "the caller should be let go");
        release.Set();
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Normal), "the stop already sent should still end the agent");
    }

    [Test, CancelAfter(5000)]
    public async Task A_stop_given_up_before_it_is_sent_leaves_the_agent_running(CancellationToken ct)
    {
        var agent = await Agent.StartAsync(Node, () => 0);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => Agent.StopAsync(Node, agent, cancellationToken: cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await Agent.GetAsync(Node, agent, (int n) => n, cancellationToken: ct), Is.Zero, "a stop cancelled before it was sent should not be sent");
    }
}
