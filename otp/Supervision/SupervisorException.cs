namespace Otp;

/// <summary>
/// A supervisor refused a request: OTP's <c>{error, not_found | running | restarting}</c> from terminate_child,
/// restart_child or delete_child, or <c>max_children</c> from a DynamicSupervisor.
/// </summary>
public sealed class SupervisorException : InvalidOperationException, IExitReason
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">OTP's error reason, an <see cref="Atom"/>.</param>
    /// <param name="child">The child id or pid concerned.</param>
    public SupervisorException(Atom reason, object? child)
        : base($"The supervisor refused: {reason} (child {child}).")
    {
        Reason = reason;
        Child = child;
    }

    /// <summary><c>not_found</c>, <c>running</c>, <c>restarting</c> or <c>max_children</c>.</summary>
    public Atom Reason { get; }

    /// <summary>The child id or pid concerned.</summary>
    public object? Child { get; }

    object IExitReason.Reason => Reason;
}
