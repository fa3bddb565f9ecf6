namespace Otp;

/// <summary>Why a process waiting in receive was woken.</summary>
internal enum Wake
{
    Message,
    Timeout,
    Cancelled,
    Exited,
}
