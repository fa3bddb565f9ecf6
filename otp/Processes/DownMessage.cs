namespace Otp;

/// <summary>
/// The message a monitor delivers, once, when the monitored process exits: Erlang's <c>{'DOWN', Ref, process, Pid, Reason}</c>.
/// </summary>
/// <param name="Ref">The monitor, as returned by <see cref="ProcessContext.Monitor(Pid)"/>.</param>
/// <param name="Pid">The monitored process.</param>
/// <param name="Reason">Its exit reason, or <c>noproc</c> if it was already dead when the monitor was set up.</param>
public sealed record DownMessage(MonitorRef Ref, Pid Pid, object Reason);
