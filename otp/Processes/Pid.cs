namespace Otp;

/// <summary>
/// A process identifier: Erlang's <c>pid()</c>. Cheap to copy and to compare; stays valid (and unique) after the process exits,
/// so sending to it is harmless and monitoring it gives a DOWN with <c>noproc</c>.
/// Two pids are equal only if they name the same process.
/// </summary>
public sealed class Pid : IComparable<Pid>
{
    internal Pid(long id, Process? process)
    {
        Id = id;
        Process = process;
    }

    /// <summary>The process number, unique within its <see cref="Otp.Node"/>; printed as <c>&lt;0.Id.0&gt;</c>.</summary>
    public long Id { get; }

    /// <summary>The process behind the pid; null only for a node's own pid, which no process stands behind.</summary>
    internal Process? Process { get; }

    /// <summary>Orders pids by creation, as Erlang's term order does for local pids.</summary>
    /// <param name="other">The pid to compare with.</param>
    public int CompareTo(Pid? other) => other is null ? 1 : Id.CompareTo(other.Id);

    /// <summary>Whether two pids name the same process (pids compare by identity: one process, one pid).</summary>
    public static bool operator ==(Pid? left, Pid? right) => ReferenceEquals(left, right);

    /// <summary>Whether two pids name different processes.</summary>
    public static bool operator !=(Pid? left, Pid? right) => !ReferenceEquals(left, right);

    /// <summary>Whether <paramref name="left"/> was created before <paramref name="right"/>.</summary>
    public static bool operator <(Pid? left, Pid? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> was created after <paramref name="right"/>.</summary>
    public static bool operator >(Pid? left, Pid? right) => right < left;

    /// <summary>Whether <paramref name="left"/> was created before <paramref name="right"/> or is the same pid.</summary>
    public static bool operator <=(Pid? left, Pid? right) => !(left > right);

    /// <summary>Whether <paramref name="left"/> was created after <paramref name="right"/> or is the same pid.</summary>
    public static bool operator >=(Pid? left, Pid? right) => !(left < right);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => Id.GetHashCode();

    /// <summary>Erlang's notation, <c>&lt;0.42.0&gt;</c>.</summary>
    public override string ToString() => $"<0.{Id}.0>";
}
