using System.Collections.Concurrent;

namespace Otp.Dashboard.Internal;

/// <summary>
/// What the dashboard keeps about its node between requests: the samples behind the messages-per-second chart (taken by
/// one timer, whoever is watching) and the restarts the supervisors reported, which the tree shows as counts.
/// </summary>
internal sealed class DashboardState : IDisposable
{
    private const int MaxEvents = 50;

    private readonly ITimer _timer;
    private readonly Lock _lock = new(); // guards _samples, _previous, _events
    private readonly Queue<Sample> _samples = new();
    private readonly int _maxSamples;
    private readonly ConcurrentDictionary<(long Supervisor, string Child), int> _restarts = new();
    private readonly ConcurrentDictionary<long, int> _supervisorRestarts = new();
    private readonly LinkedList<RestartEvent> _events = new();
    private readonly CancellationTokenSource _stopping = new();
    private (NodeStatistics Statistics, DateTimeOffset At)? _previous;

    public DashboardState(Node node, DashboardOptions options)
    {
        Node = node;
        Options = options;
        Time = options.Time ?? TimeProvider.System;
        Started = Time.GetUtcNow();
        _maxSamples = Math.Max(2, (int)(options.History / options.UpdateInterval));
        node.SupervisorReported += OnSupervisorReport;
        TakeSample();
        _timer = Time.CreateTimer(_ => TakeSample(), null, options.UpdateInterval, options.UpdateInterval);
    }

    public Node Node { get; }

    public DashboardOptions Options { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset Started { get; }

    /// <summary>Cancelled when the dashboard stops, so open event streams end.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public Sample[] Samples()
    {
        lock (_lock)
        {
            return _samples.ToArray();
        }
    }

    public RestartEvent[] RecentRestarts()
    {
        lock (_lock)
        {
            return _events.ToArray();
        }
    }

    public int RestartsOf(Pid supervisor, object childId) => _restarts.GetValueOrDefault((supervisor.Id, childId.ToString() ?? ""));

    public int RestartsUnder(Pid supervisor) => _supervisorRestarts.GetValueOrDefault(supervisor.Id);

    public void Dispose()
    {
        Node.SupervisorReported -= OnSupervisorReport;
        _timer.Dispose();
        _stopping.Cancel();
    }

    private void TakeSample()
    {
        var statistics = Node.GetStatistics();
        var now = Time.GetUtcNow();
        lock (_lock)
        {
            double perSecond = 0;
            if (_previous is var (before, at) && now > at)
            {
                perSecond = Math.Max(0, statistics.MessagesReceived - before.MessagesReceived) / (now - at).TotalSeconds;
            }

            _previous = (statistics, now);
            _samples.Enqueue(new Sample(now, statistics, perSecond));
            while (_samples.Count > _maxSamples)
            {
                _samples.Dequeue();
            }
        }
    }

    private void OnSupervisorReport(SupervisorReport report)
    {
        if (report.Kind == SupervisorReportKind.ChildRestarted)
        {
            _restarts.AddOrUpdate((report.Supervisor.Id, report.ChildId.ToString() ?? ""), 1, (_, n) => n + 1);
            _supervisorRestarts.AddOrUpdate(report.Supervisor.Id, 1, (_, n) => n + 1);
        }

        lock (_lock)
        {
            _events.AddFirst(new RestartEvent(Time.GetUtcNow(), report));
            while (_events.Count > MaxEvents)
            {
                _events.RemoveLast();
            }
        }
    }
}

/// <summary>The node's counts at one tick, and the messages per second since the tick before.</summary>
internal sealed record Sample(DateTimeOffset At, NodeStatistics Statistics, double MessagesPerSecond);

/// <summary>A supervisor report as the dashboard received it.</summary>
internal sealed record RestartEvent(DateTimeOffset At, SupervisorReport Report);
