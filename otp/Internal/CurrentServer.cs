namespace Otp;

/// <summary>
/// The server whose callback is running, seen from that callback's code (and from what it awaits): lets a stop given only
/// the node tell that a server is stopping itself. Processes spawned from a callback do not inherit it (a spawn does
/// not carry the execution context), so only the server's own code sees its pid here.
/// </summary>
internal static class CurrentServer
{
    private static readonly AsyncLocal<Pid?> s_pid = new();

    public static Pid? Pid
    {
        get => s_pid.Value;
        set => s_pid.Value = value;
    }
}
