using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace ResponseTuples;

/// <summary>
/// The client API of a session: plain functions that run in the caller, each one a call or a cast to the
/// <see cref="SessionServer"/>. A caller never sees the protocol, the state or a <c>From</c>.
/// </summary>
public static class Session
{
    /// <summary>
    /// Starts a session for <paramref name="user"/> and returns its pid once Init has run, before the history is loaded
    /// (the load runs in HandleContinueAsync; requests sent meanwhile wait for it).
    /// </summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="user">Whose session: not empty.</param>
    /// <param name="store">Where the history is loaded from.</param>
    /// <param name="idleTimeout">How long the session lives without a message: more than zero.</param>
    public static Task<Pid> StartAsync(Node node, string user, IMessageStore store, TimeSpan idleTimeout)
    {
        // TODO Step 1: check the arguments (ArgumentNullException.ThrowIfNull, ArgumentException.ThrowIfNullOrEmpty,
        // ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero)), then
        // return GenServer.StartAsync(node, new SessionServer(user, store, idleTimeout)).
        throw new NotImplementedException("Step 1: implement Session.StartAsync (see README, step 1).");
    }

    /// <summary>Delivers <paramref name="message"/> to the session; replies with its sequence number (1 for the first, history included).</summary>
    /// <param name="node">The node the session runs on.</param>
    /// <param name="session">The session.</param>
    /// <param name="message">The message.</param>
    public static Task<long> DeliverAsync(Node node, Pid session, string message)
    {
        // TODO Step 1: refuse a null message, then GenServer.CallAsync<long>(node, session, new Deliver(message)).
        throw new NotImplementedException("Step 1: implement Session.DeliverAsync (see README, step 1).");
    }

    /// <summary>
    /// The unread messages, oldest first, at once if there are any; otherwise waits for the next message. A second poll
    /// while one waits takes its place, and the first gets an empty list.
    /// </summary>
    /// <param name="node">The node the session runs on.</param>
    /// <param name="session">The session.</param>
    /// <param name="timeout">How long to wait (default 5 s); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</param>
    public static Task<IReadOnlyList<string>> PollAsync(Node node, Pid session, TimeSpan? timeout = null)
    {
        // TODO Step 1: GenServer.CallAsync<IReadOnlyList<string>>(node, session, new Poll(), timeout).
        throw new NotImplementedException("Step 1: implement Session.PollAsync (see README, step 1).");
    }

    /// <summary>A snapshot of the session, answered even while a poll waits.</summary>
    /// <param name="node">The node the session runs on.</param>
    /// <param name="session">The session.</param>
    public static Task<SessionStatus> StatusAsync(Node node, Pid session)
    {
        // TODO Step 1: a call with the Status record; the reply is a SessionStatus.
        throw new NotImplementedException("Step 1: implement Session.StatusAsync (see README, step 1).");
    }

    /// <summary>Ends the session normally; replies with the messages left unread, then the session exits with <c>normal</c>.</summary>
    /// <param name="node">The node the session runs on.</param>
    /// <param name="session">The session.</param>
    public static Task<IReadOnlyList<string>> LogoutAsync(Node node, Pid session)
    {
        // TODO Step 3: a call with the Logout record; the reply is the unread messages.
        throw new NotImplementedException("Step 3: implement Session.LogoutAsync (see README, step 3).");
    }

    /// <summary>Kicks the user out: returns at once; the session stops with <see cref="Kicked"/> as its reason.</summary>
    /// <param name="node">The node the session runs on.</param>
    /// <param name="session">The session.</param>
    /// <param name="why">What to tell whoever watches the session.</param>
    public static void Kick(Node node, Pid session, string why)
    {
        // TODO Step 3: refuse a null reason, then GenServer.Cast(node, session, new Kick(why)): a cast returns at once.
        throw new NotImplementedException("Step 3: implement Session.Kick (see README, step 3).");
    }
}
