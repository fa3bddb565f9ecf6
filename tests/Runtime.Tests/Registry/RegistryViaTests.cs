using Otp;

namespace Runtime.Tests;

/// <summary>Via-names (<c>{:via, Registry, {registry, key}}</c> and <c>{registry, key, value}</c>) and supervised restarts under them.</summary>
public sealed class RegistryViaTests : RuntimeTest
{
    [Test, CancelAfter(60000)]
    public async Task A_supervised_via_named_server_comes_back_under_its_name_after_every_crash(CancellationToken ct)
    {
        // A crashing child's links fire before its monitors, so its supervisor may restart it before the registry has
        // heard of the death: the dead owner's key must be free at once. Each server is linked to helpers that die with
        // it, so the registry hears late, as it would of any server with linked workers. Several servers crash, many
        // times each; one restart refused with already_started would exceed MaxRestarts = 1 and stop its supervisor.
        const int servers = 4;
        const int rounds = 250;
        var registry = new Registry(RegistryKeys.Unique);

        await Task.WhenAll(Enumerable.Range(0, servers).Select(i => Task.Run(() => CrashRepeatedlyAsync(registry, i, rounds, ct), ct)));

        Assert.That(registry.Count, Is.EqualTo(servers), "each server is registered once, under its own name");
    }

    private async Task CrashRepeatedlyAsync(Registry registry, int id, int rounds, CancellationToken ct)
    {
        using var inbox = Node.CreateInbox();
        var name = ServerName.Via(registry, ("worker", id));
        var supervisor = await Supervisor.StartAsync(
            Node,
            [ChildSpec.Worker(id, c => GenServer.StartLinkAsync(c, new Announcer(inbox.Self), name))],
            new SupervisorOptions { MaxRestarts = 1, MaxTime = TimeSpan.FromSeconds(5) });
        var supervisorDown = inbox.Monitor(supervisor);
        var current = await inbox.NextValue<(string, Pid)>(ct);

        for (var round = 0; round < rounds; round++)
        {
            GenServer.Cast(Node, name, "crash");
            var next = await inbox.ReceiveAsync(m => m is (string, Pid) || (m is DownMessage d && d.Ref == supervisorDown), Timeout.InfiniteTimeSpan, ct);

            Assert.That(next, Is.InstanceOf<(string, Pid)>(), $"server {id} restarted after crash {round + 1} (its supervisor gave up: {next})");
            var restarted = ((string, Pid))next!;
            Assert.That(restarted.Item2, Is.Not.EqualTo(current.Item2), "a new process holds the name");
            Assert.That(registry.WhereIsName(("worker", id)), Is.EqualTo(restarted.Item2), "the name leads to the restarted server");
            current = restarted;
            Clock.Advance(TimeSpan.FromSeconds(6)); // each crash in a restart period of its own
        }
    }

    /// <summary>Tells an observer when it starts; crashes on the cast <c>"crash"</c>; has linked helpers that die with it.</summary>
    private sealed class Announcer(Pid observer) : GenServer<int>
    {
        private const int Helpers = 100;

        protected override InitResult<int> Init()
        {
            for (var i = 0; i < Helpers; i++)
            {
                Context.SpawnLink(c => c.ReceiveAsync().AsTask());
            }

            Context.Send(observer, ("started", Self));
            return Ok(0);
        }

        protected override HandleResult<int> HandleCast(object request, int state) =>
            request is "crash" ? throw new InvalidOperationException("crash") : base.HandleCast(request, state);
    }
}
