namespace Otp;

/// <summary>
/// The reference returned by <see cref="ProcessContext.Monitor(Pid)"/>: Erlang's monitor <c>reference()</c>.
/// It names one monitor; the matching <see cref="DownMessage"/> carries it, and <see cref="ProcessContext.Demonitor"/> takes it.
/// </summary>
public sealed class MonitorRef
{
    private static long s_next;

    internal MonitorRef(Process? target, IDownHandler watcher)
    {
        Id = Interlocked.Increment(ref s_next);
        Target = target;
        Watcher = watcher;
    }

    /// <summary>A number unique among the monitors of this program.</summary>
    public long Id { get; }

    internal Process? Target { get; }

    internal IDownHandler Watcher { get; }

    /// <summary>Erlang's notation, <c>#Ref&lt;Id&gt;</c>.</summary>
    public override string ToString() => $"#Ref<{Id}>";
}
