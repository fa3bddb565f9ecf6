using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Otp;

namespace Runtime.Tests;

/// <summary>
/// The <c>Otp</c> meter, read the way dotnet-counters and OpenTelemetry read it: with a <see cref="MeterListener"/>.
/// Every node of the test run shares the meter, so each test names its own node and looks only at that node's measurements.
/// </summary>
public sealed class MetricsTests
{
    private Node _node = null!;
    private MeterListener _listener = null!;
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();

    [SetUp]
    public void StartListening()
    {
        _node = new Node(new NodeOptions { Name = $"metrics-{Guid.NewGuid():N}@test" });
        _measurements.Clear();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OtpMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var all = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                all[tag.Key] = tag.Value;
            }

            if (Equals(all.GetValueOrDefault(OtpMetrics.NodeTag), _node.Name))
            {
                _measurements.Enqueue((instrument.Name, value, all));
            }
        });
        _listener.Start();
    }

    [TearDown]
    public void StopListening()
    {
        _listener.Dispose();
        _node.Dispose();
    }

    [Test]
    public void The_meter_is_called_Otp_and_publishes_every_instrument_the_names_promise()
    {
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "Otp")
                {
                    published.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        Assert.That(published, Is.EquivalentTo(new[]
        {
            OtpMetrics.ProcessCount, OtpMetrics.ProcessesSpawned, OtpMetrics.ProcessesExited, OtpMetrics.Restarts,
            OtpMetrics.MessagesSent, OtpMetrics.MessagesReceived, OtpMetrics.MessagesQueued, OtpMetrics.LongestMailbox,
        }));
    }

    [Test, CancelAfter(5000)]
    public async Task Spawns_and_exits_are_counted_with_the_kind_of_exit_reason(CancellationToken ct)
    {
        using var inbox = _node.CreateInbox();
        var crashed = inbox.SpawnMonitor(_ => throw new InvalidOperationException("boom"));
        var finished = inbox.SpawnMonitor(_ => Task.CompletedTask);
        var killed = inbox.SpawnMonitor(ctx => ctx.ReceiveAsync().AsTask());
        inbox.Exit(killed.Pid, ExitReason.Kill);
        foreach (var monitor in new[] { crashed.Monitor, finished.Monitor, killed.Monitor })
        {
            await inbox.DownReason(monitor, ct);
        }

        Assert.That(Sum(OtpMetrics.ProcessesSpawned), Is.EqualTo(4), "three processes and the inbox");
        Assert.That(Exits("exception"), Is.EqualTo(1));
        Assert.That(Exits("normal"), Is.EqualTo(1));
        Assert.That(Exits("killed"), Is.EqualTo(1));
        var crash = _measurements.Single(m => m.Instrument == OtpMetrics.ProcessesExited && Equals(m.Tags[OtpMetrics.ExitKindTag], "exception"));
        Assert.That(crash.Tags[OtpMetrics.ErrorTypeTag], Is.EqualTo(typeof(InvalidOperationException).FullName));
    }

    [Test, CancelAfter(5000)]
    public async Task Messages_sent_received_and_waiting_are_observed_from_the_mailboxes(CancellationToken ct)
    {
        using var sender = _node.CreateInbox();
        using var receiver = _node.CreateInbox();
        for (var i = 0; i < 5; i++)
        {
            sender.Send(receiver.Self, i);
        }

        await receiver.ReceiveAsync(ct);
        await receiver.ReceiveAsync(ct);

        _listener.RecordObservableInstruments();

        Assert.That(Last(OtpMetrics.MessagesSent), Is.EqualTo(5));
        Assert.That(Last(OtpMetrics.MessagesReceived), Is.EqualTo(2));
        Assert.That(Last(OtpMetrics.MessagesQueued), Is.EqualTo(3));
        Assert.That(Last(OtpMetrics.LongestMailbox), Is.EqualTo(3));
        Assert.That(Last(OtpMetrics.ProcessCount), Is.EqualTo(2));
    }

    [Test, CancelAfter(5000)]
    public async Task Messages_of_exited_processes_still_count(CancellationToken ct)
    {
        using var inbox = _node.CreateInbox();
        var (pid, monitor) = inbox.SpawnMonitor(async ctx =>
        {
            await ctx.ReceiveAsync();
            await ctx.ReceiveAsync<string>(s => s == "never");
        });
        inbox.Send(pid, "handled");
        inbox.Send(pid, "left in the mailbox");
        inbox.Exit(pid, ExitReason.Kill);
        await inbox.DownReason(monitor, ct);

        var statistics = _node.GetStatistics();

        Assert.That(statistics.MessagesSent, Is.EqualTo(3), "two to the process (one handled or not, one dropped with its mailbox) and the DOWN");
        Assert.That(statistics.ProcessCount, Is.EqualTo(1));
        Assert.That(statistics.ProcessesSpawned, Is.EqualTo(2));
    }

    [Test, CancelAfter(10000)]
    public async Task A_restart_is_counted_per_supervisor_and_child(CancellationToken ct)
    {
        var restarted = new TaskCompletionSource<SupervisorReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        _node.SupervisorReported += report =>
        {
            if (report.Kind == SupervisorReportKind.ChildRestarted)
            {
                restarted.TrySetResult(report);
            }
        };
        var sup = await Supervisor.StartAsync(_node, [ChildSpec.For(() => new TestServer()) with { Id = "worker" }], new SupervisorOptions { Name = "metrics_sup" });
        var child = (await Supervisor.WhichChildrenAsync(_node, sup, ct)).Single().Pid!;

        _node.Exit(child, ExitReason.Kill);
        var report = await restarted.Task.WaitAsync(ct);

        Assert.That(report.ChildId, Is.EqualTo("worker"));
        Assert.That(report.ChildPid, Is.Not.EqualTo(child));
        var restart = _measurements.Single(m => m.Instrument == OtpMetrics.Restarts);
        Assert.That(restart.Tags[OtpMetrics.SupervisorTag], Is.EqualTo("metrics_sup"));
        Assert.That(restart.Tags[OtpMetrics.ChildTag], Is.EqualTo("worker"));
        Assert.That(_node.GetStatistics().Restarts, Is.EqualTo(1));
    }

    [Test]
    public void A_node_without_a_name_is_nonode_at_nohost_numbered_after_the_first()
    {
        using var unnamed = new Node();

        Assert.That(unnamed.Name, Does.Match(@"^nonode\d*@nohost$"));
        Assert.That(_node.Name, Does.StartWith("metrics-"));
    }

    private long Sum(string instrument) => _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    private long Exits(string kind) =>
        _measurements.Where(m => m.Instrument == OtpMetrics.ProcessesExited && Equals(m.Tags[OtpMetrics.ExitKindTag], kind)).Sum(m => m.Value);

    private long Last(string instrument) => _measurements.Last(m => m.Instrument == instrument).Value;
}
