using Otp;

namespace Runtime.Tests;

/// <summary>Many processes and threads at once: every signal arrives exactly once and nothing is left behind.</summary>
public sealed class ConcurrencyTests : RuntimeTest
{
    protected override bool UsesFakeClock => false;

    [Test, CancelAfter(10000)]
    public async Task Killing_many_linked_processes_from_many_threads_gives_one_EXIT_each(CancellationToken ct)
    {
        const int count = 2000;
        Inbox.TrapExit = true;
        var children = Enumerable.Range(0, count).Select(_ => Inbox.SpawnLink(c => c.ReceiveAsync().AsTask())).ToArray();

        await Task.WhenAll(children.Chunk(count / 4).Select(chunk => Task.Run(() =>
        {
            foreach (var pid in chunk)
            {
                Node.Exit(pid, ExitReason.Kill);
            }
        }, ct)));

        var exited = new HashSet<Pid>();
        for (var i = 0; i < count; i++)
        {
            var exit = await Inbox.Next<ExitMessage>(ct);
            Assert.That(exit.Reason, Is.EqualTo(ExitReason.Killed));
            Assert.That(exited.Add(exit.From), Is.True, "one EXIT per process");
        }

        Assert.That(Node.GetInfo(Inbox.Self)!.Links, Is.Empty);
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(10000)]
    public async Task Monitors_set_up_while_processes_die_each_give_exactly_one_DOWN(CancellationToken ct)
    {
        const int count = 2000;
        var pids = Enumerable.Range(0, count).Select(_ => Node.Spawn(c => c.ReceiveAsync().AsTask())).ToArray();

        var killer = Task.Run(() =>
        {
            foreach (var pid in pids)
            {
                Node.Exit(pid, ExitReason.Kill);
            }
        }, ct);
        var monitors = pids.Select(Inbox.Monitor).ToArray();
        await killer;

        var seen = new HashSet<MonitorRef>();
        for (var i = 0; i < count; i++)
        {
            var down = await Inbox.Next<DownMessage>(ct);
            Assert.That(down.Reason, Is.EqualTo(ExitReason.Killed).Or.EqualTo(ExitReason.NoProc));
            Assert.That(seen.Add(down.Ref), Is.True, "one DOWN per monitor");
        }

        Assert.That(seen.SetEquals(monitors), Is.True, "every monitor fired");
        Assert.That(Node.GetInfo(Inbox.Self)!.Monitors, Is.Empty);
    }

    [Test, CancelAfter(10000)]
    public async Task A_registry_is_empty_once_all_its_owners_have_exited(CancellationToken ct)
    {
        const int count = 1000;
        var registry = new Registry(RegistryKeys.Duplicate);
        var me = Inbox.Self;
        var pids = Enumerable.Range(0, count).Select(i => Node.Spawn(async ctx =>
        {
            registry.Register(ctx.Self, "topic", i);
            registry.Register(ctx.Self, ("own", i));
            ctx.Send(me, "registered");
            await ctx.ReceiveAsync();
        })).ToArray();
        for (var i = 0; i < count; i++)
        {
            await Inbox.ReceiveAsync<string>(s => s == "registered", cancellationToken: ct);
        }

        Assert.That(registry.Lookup("topic"), Has.Count.EqualTo(count));
        var exits = pids.Select(p => Node.WaitForExitAsync(p, ct)).ToArray();
        await Task.WhenAll(pids.Chunk(count / 4).Select(chunk => Task.Run(() =>
        {
            foreach (var pid in chunk)
            {
                Node.Send(pid, "stop");
            }
        }, ct)));
        await Task.WhenAll(exits);

        Assert.That(registry.Count, Is.Zero);
    }

    [Test, CancelAfter(10000)]
    public async Task Many_callers_and_many_servers_all_get_their_replies(CancellationToken ct)
    {
        var servers = new List<Pid>();
        for (var i = 0; i < 8; i++)
        {
            servers.Add(await GenServer.StartAsync(Node, new TestServer()));
        }

        var calls = Enumerable.Range(0, 4000)
            .Select(i => Task.Run(() => GenServer.CallAsync<int>(Node, servers[i % servers.Count], ("add", 1)), ct))
            .ToArray();
        await Task.WhenAll(calls);

        foreach (var server in servers)
        {
            Assert.That(await GenServer.CallAsync<int>(Node, server, "get"), Is.EqualTo(500));
        }
    }

    [Test, CancelAfter(10000)]
    public async Task Calls_with_time_outs_armed_from_many_threads_all_time_out_on_the_real_clock(CancellationToken ct)
    {
        var server = await GenServer.StartAsync(Node, new TestServer());
        var calls = Enumerable.Range(0, 400)
            .Select(i => Task.Run(() => GenServer.CallAsync<object>(Node, server, "never", TimeSpan.FromMilliseconds(1 + (i * 7 % 200)), ct), ct))
            .ToArray();

        foreach (var call in calls)
        {
            Assert.ThrowsAsync<CallTimeoutException>(() => call, "every call times out, none is forgotten");
        }
    }
}
