namespace Otp;

/// <summary>
/// Unwinds the code of a process that an exit signal has already ended (.NET cannot stop a running thread,
/// so the process's code stops the next time it touches its mailbox). Never seen outside the runtime.
/// </summary>
internal sealed class ProcessKilledSignal : Exception
{
    public static readonly ProcessKilledSignal Instance = new();

    private ProcessKilledSignal()
        : base("The process has exited.")
    {
    }
}
