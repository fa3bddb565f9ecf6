using System;

namespace ResponseTuples;

/// <summary>
/// Why a session left idle stops: its exit reason is <c>ExitReason.ShutdownWith(new Expired(idleTimeout))</c>,
/// a clean stop (<c>{shutdown, {expired, IdleFor}}</c>) that a supervisor would not restart.
/// </summary>
/// <param name="IdleFor">The idle timeout that ran out.</param>
public sealed record Expired(TimeSpan IdleFor);
