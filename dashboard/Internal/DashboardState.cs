using System.Collections.Concurrent;
using System.Diagnostics;

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
    private readonly Lock _tableLock = new(); // one snapshot of the process table at a time, shared by every page
    private IReadOnlyList<ProcessInfo>? _table;
    private long _tableVersion;
    private long _tableTakenAt;
    private TimeSpan _tableFreshFor;
    private readonly ConcurrentDictionary<string, (long Version, object View)> _derived = new(); // views computed from one table

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

    /// <summary>
    /// A snapshot of every process (<see cref="Observer.ProcessTable(Otp.Node)"/>), shared by the pages and kept for 50 times
    /// as long as it took to take and at least one second per 10,000 processes: however many processes and open pages, the
    /// table costs at most about 2% of one core and leaves at most about 1.2 MB of garbage a second (Erlang's observer
    /// refreshes every 10 s). With a few hundred processes it is taken afresh for every request.
    /// </summary>
    public (IReadOnlyList<ProcessInfo> Rows, long Version) ProcessTable()
    {
        lock (_tableLock)
        {
            if (_table is null || Stopwatch.GetElapsedTime(_tableTakenAt) >= _tableFreshFor)
            {
                var started = Stopwatch.GetTimestamp();
                _table = Observer.ProcessTable(Node);
                _tableVersion++;
                _tableTakenAt = Stopwatch.GetTimestamp();
                // Kept 50 times as long as it took, and at least a second per 10,000 processes: the time bounds the CPU a
                // table costs, the size bounds the garbage (about 120 B a process) the node's collector must sweep.
                _tableFreshFor = TimeSpan.FromTicks(Math.Max(
                    Stopwatch.GetElapsedTime(started).Ticks * 50, TimeSpan.FromSeconds(_table.Count / 10_000.0).Ticks));
            }

            return (_table, _tableVersion);
        }
    }

    /// <summary>
    /// A view computed from the process table (a sorted, filtered list; the top supervisors), computed once per snapshot
    /// of the table and per <paramref name="key"/>, so that a page left open does not sort 100,000 rows every second.
    /// </summary>
    public T Derived<T>(string key, Func<IReadOnlyList<ProcessInfo>, T> compute)
        where T : class
    {
        var (rows, version) = ProcessTable();
        if (_derived.TryGetValue(key, out var known) && known.Version == version)
        {
            return (T)known.View;
        }

        var view = compute(rows);
        if (_derived.Count > 64)
        {
            _derived.Clear(); // one entry per filter typed: forget old ones now and then
        }

        _derived[key] = (version, view);
        return view;
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
