namespace Otp;

/// <summary>Whoever holds a monitor: a process (which gets a <see cref="DownMessage"/>) or the runtime itself (a pending call).</summary>
internal interface IDownHandler
{
    /// <summary>Called once, outside any lock, when the monitored process has exited.</summary>
    void OnDown(MonitorRef monitor, Pid pid, object reason);
}
