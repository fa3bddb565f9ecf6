using System;
using Otp;

namespace Switchboard;

/// <summary>
/// What every part of one switch shares: the registry its lines and supervisors are named in, and the ring time-out.
/// A line is found by its number (<see cref="LineName"/>), the two supervisors below the root by <see cref="Calls"/>
/// and <see cref="Lines"/>.
/// </summary>
/// <param name="Registry">A registry with unique keys: a number names at most one line process.</param>
/// <param name="RingTimeout">How long a call rings before it ends unanswered, on the node's clock.</param>
public sealed record SwitchConfig(Registry Registry, TimeSpan RingTimeout)
{
    /// <summary>The name of the line with this number: <c>{via, Registry, number}</c>.</summary>
    public ServerName LineName(string number) => ServerName.Via(Registry, number);

    /// <summary>The name of the dynamic supervisor of the calls (its key a type, so that no number can take it).</summary>
    public ServerName Calls => ServerName.Via(Registry, typeof(DynamicSupervisor));

    /// <summary>The name of the supervisor of the lines (its key a type, so that no number can take it).</summary>
    public ServerName Lines => ServerName.Via(Registry, typeof(LinesSupervisor));
}
