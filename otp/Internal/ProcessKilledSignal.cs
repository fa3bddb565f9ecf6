namespace Otp;

/// <summary>
/// Unwinds the code of a process that an exit signal has already ended (.NET cannot stop a running thread,
/// so the process's code stops the next time it touches its mailbox). A process body never sees it escape; code using an
/// inbox sees an <see cref="OperationCanceledException"/>, which is what it is: the wait was cancelled by the exit.
/// </summary>
internal sealed class ProcessKilledSignal : OperationCanceledException
{
    public static readonly ProcessKilledSignal Instance = new();

    private ProcessKilledSignal()
        : base("The process has exited.")
    {
    }
}
