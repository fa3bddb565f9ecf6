using System;
using System.Collections.Immutable;
using Otp;

namespace WorkerBees;

/// <summary>
/// What every part of one quiz service shares: the registry its sessions and its supervisor are named in, the
/// questions, and how long a session may sit idle. A player's session is found by <see cref="SessionName"/>, the
/// sessions' dynamic supervisor by <see cref="Sessions"/>.
/// </summary>
/// <param name="Registry">A registry with unique keys: a player has at most one session process.</param>
/// <param name="Questions">The questions every session asks, in order.</param>
/// <param name="IdleTimeout">How long a session waits for a request before it ends, on the node's clock.</param>
public sealed record QuizConfig(Registry Registry, ImmutableList<Question> Questions, TimeSpan IdleTimeout)
{
    /// <summary>The name of a player's session: <c>{via, Registry, player}</c>, the player's name as the key.</summary>
    /// <param name="player">The player's name.</param>
    /// <returns>The via-name.</returns>
    public ServerName SessionName(string player) => ServerName.Via(Registry, player);

    /// <summary>The name of the sessions' dynamic supervisor (its key a type, not a string, so that no player's name can take it).</summary>
    public ServerName Sessions => ServerName.Via(Registry, typeof(DynamicSupervisor));
}
