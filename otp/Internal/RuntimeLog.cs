using Microsoft.Extensions.Logging;

namespace Otp;

/// <summary>
/// The runtime's log messages (OTP's crash and supervisor reports), as source-generated <see cref="LoggerMessage"/>
/// methods: nothing is formatted unless the level is enabled.
/// </summary>
internal static partial class RuntimeLog
{
    public const string CrashCategory = "Otp.CrashReport";
    public const string SupervisorCategory = "Otp.SupervisorReport";

    /// <summary>An exit reason in a message: an exception by its type and message (the crash report carries the whole exception).</summary>
    public static string Describe(object reason) =>
        reason is Exception e ? $"{e.GetType().FullName}: {e.Message}" : reason.ToString() ?? reason.GetType().Name;

    [LoggerMessage(EventId = 1, EventName = "CrashReport", Level = LogLevel.Error,
        Message = "Process {Pid} ({Name}, {Behaviour}) on {Node} exited: {Reason}")]
    public static partial void Crash(ILogger logger, Exception? exception, string pid, string name, string behaviour, string node, string reason);

    [LoggerMessage(EventId = 2, EventName = "ChildTerminated", Level = LogLevel.Error,
        Message = "Supervisor {Supervisor}: child {ChildId} ({ChildPid}) terminated: {Reason}")]
    public static partial void ChildTerminated(ILogger logger, string supervisor, object childId, string? childPid, string reason);

    [LoggerMessage(EventId = 3, EventName = "ChildRestarted", Level = LogLevel.Information,
        Message = "Supervisor {Supervisor}: child {ChildId} restarted as {ChildPid}")]
    public static partial void ChildRestarted(ILogger logger, string supervisor, object childId, string? childPid);

    [LoggerMessage(EventId = 4, EventName = "StartError", Level = LogLevel.Error,
        Message = "Supervisor {Supervisor}: child {ChildId} failed to restart: {Reason}")]
    public static partial void StartError(ILogger logger, string supervisor, object childId, string reason);

    [LoggerMessage(EventId = 5, EventName = "ReachedMaxRestartIntensity", Level = LogLevel.Error,
        Message = "Supervisor {Supervisor}: reached the maximum restart intensity after child {ChildId} exited ({Reason}); shutting down")]
    public static partial void Shutdown(ILogger logger, string supervisor, object childId, string reason);
}
