using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Otp;

/// <summary>
/// The <c>Otp</c> meter (see <see cref="OtpMetrics"/>). One per program, as meters are meant to be: the nodes alive are
/// held weakly, and each observation walks them. The hot paths (send, receive) record nothing: messages are counted
/// from the counts the mailboxes keep anyway, when someone asks.
/// </summary>
internal static class RuntimeMeter
{
    private static readonly Meter s_meter = new(OtpMetrics.MeterName, typeof(RuntimeMeter).Assembly.GetName().Version?.ToString());
    private static readonly List<WeakReference<Node>> s_nodes = [];
    private static readonly Lock s_lock = new(); // guards s_nodes

    public static readonly Counter<long> Spawned = s_meter.CreateCounter<long>(OtpMetrics.ProcessesSpawned, "{process}", "Processes started.");
    public static readonly Counter<long> Exited = s_meter.CreateCounter<long>(OtpMetrics.ProcessesExited, "{process}", "Processes exited, by kind of exit reason.");
    public static readonly Counter<long> Restarts = s_meter.CreateCounter<long>(OtpMetrics.Restarts, "{restart}", "Children restarted by their supervisor.");

    static RuntimeMeter()
    {
        s_meter.CreateObservableUpDownCounter(OtpMetrics.ProcessCount, () => Observe(n => (long)n.ProcessCount), "{process}", "Live processes.");
        s_meter.CreateObservableCounter(OtpMetrics.MessagesSent, () => Observe(n => n.GetStatistics().MessagesSent), "{message}", "Messages put into a mailbox.");
        s_meter.CreateObservableCounter(OtpMetrics.MessagesReceived, () => Observe(n => n.GetStatistics().MessagesReceived), "{message}", "Messages taken out of a mailbox.");
        s_meter.CreateObservableUpDownCounter(OtpMetrics.MessagesQueued, () => Observe(n => n.GetStatistics().MessagesQueued), "{message}", "Messages waiting in mailboxes.");
        s_meter.CreateObservableGauge(OtpMetrics.LongestMailbox, () => Observe(n => (long)n.GetStatistics().LongestMailbox), "{message}", "The longest mailbox.");
    }

    public static void Add(Node node)
    {
        lock (s_lock)
        {
            s_nodes.RemoveAll(w => !w.TryGetTarget(out _));
            s_nodes.Add(new WeakReference<Node>(node));
        }
    }

    public static void ProcessSpawned(Node node)
    {
        if (Spawned.Enabled)
        {
            Spawned.Add(1, new KeyValuePair<string, object?>(OtpMetrics.NodeTag, node.Name));
        }
    }

    public static void ProcessExited(Node node, object reason)
    {
        if (!Exited.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { OtpMetrics.NodeTag, node.Name },
            { OtpMetrics.ExitKindTag, KindOf(reason) },
        };
        if (reason is Exception exception)
        {
            tags.Add(OtpMetrics.ErrorTypeTag, exception.GetType().FullName);
        }

        Exited.Add(1, tags);
    }

    public static void ChildRestarted(Node node, string supervisor, object childId)
    {
        if (Restarts.Enabled)
        {
            Restarts.Add(
                1,
                new KeyValuePair<string, object?>(OtpMetrics.NodeTag, node.Name),
                new KeyValuePair<string, object?>(OtpMetrics.SupervisorTag, supervisor),
                new KeyValuePair<string, object?>(OtpMetrics.ChildTag, childId.ToString()));
        }
    }

    /// <summary>The kind of an exit reason, a small fixed set so that the tag does not multiply time series.</summary>
    public static string KindOf(object reason) => reason switch
    {
        _ when ExitReason.Normal.Equals(reason) => "normal",
        _ when ExitReason.IsNormal(reason) => "shutdown",
        _ when ExitReason.Killed.Equals(reason) || ExitReason.Kill.Equals(reason) => "killed",
        Exception => "exception",
        _ => "other",
    };

    private static IEnumerable<Measurement<T>> Observe<T>(Func<Node, T> read)
        where T : struct
    {
        Node[] nodes;
        lock (s_lock)
        {
            nodes = s_nodes.Select(w => w.TryGetTarget(out var n) ? n : null).OfType<Node>().ToArray();
        }

        return nodes.Select(n => new Measurement<T>(read(n), new KeyValuePair<string, object?>(OtpMetrics.NodeTag, n.Name)));
    }
}
