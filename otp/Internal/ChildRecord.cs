namespace Otp;

/// <summary>A supervisor's record of one child: its spec and, while it runs, its pid.</summary>
internal sealed class ChildRecord(ChildSpec spec)
{
    public ChildSpec Spec { get; } = spec;

    public Pid? Pid { get; set; }

    public bool Restarting { get; set; }

    public ChildInfo Info => new(Spec.Id, Pid, Spec.Type, Restarting);
}
