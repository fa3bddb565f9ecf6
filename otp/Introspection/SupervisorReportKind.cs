namespace Otp;

/// <summary>The kinds of <see cref="SupervisorReport"/>: OTP's <c>errorContext</c> values, plus the restart itself.</summary>
public enum SupervisorReportKind
{
    /// <summary><c>child_terminated</c>: a child exited with a reason that makes it restart (or an abnormal one).</summary>
    ChildTerminated,

    /// <summary>The child was started again; <see cref="SupervisorReport.ChildPid"/> is its new pid (OTP logs this as a progress report).</summary>
    ChildRestarted,

    /// <summary><c>start_error</c>: restarting the child failed; the supervisor tries again.</summary>
    StartError,

    /// <summary><c>shutdown</c>: too many restarts within the period (<c>reached_max_restart_intensity</c>); the supervisor stops.</summary>
    Shutdown,
}
