namespace Otp;

/// <summary>
/// What a supervisor did about one of its children: OTP's supervisor report (<c>supervisor_report</c>), raised by
/// <see cref="Node.SupervisorReported"/> and logged under <c>Otp.SupervisorReport</c> when the node has a logger.
/// </summary>
/// <param name="Supervisor">The supervisor.</param>
/// <param name="SupervisorName">Its registered name, if any.</param>
/// <param name="ChildId">The child's id (<c>undefined</c> under a DynamicSupervisor, whose children have none).</param>
/// <param name="Kind">What happened (OTP's <c>errorContext</c>).</param>
/// <param name="ChildPid">The child's pid: the one that exited, or the new one after a restart.</param>
/// <param name="Reason">The exit reason that caused the report.</param>
public sealed record SupervisorReport(
    Pid Supervisor,
    string? SupervisorName,
    object ChildId,
    SupervisorReportKind Kind,
    Pid? ChildPid,
    object Reason);
