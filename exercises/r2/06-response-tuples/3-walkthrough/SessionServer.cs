using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Otp;

namespace ResponseTuples;

/// <summary>
/// The callbacks of a user's session: a long-poll inbox. Every callback says what the server does next by what it
/// returns: reply now, reply later (keep the <c>From</c>), stop (with or without a reply), expire when left idle, or
/// carry on with more work before the next message.
/// </summary>
/// <param name="user">Whose session this is.</param>
/// <param name="store">Where the user's history is loaded from, after Init.</param>
/// <param name="idleTimeout">How long the session lives without a message.</param>
public sealed class SessionServer(string user, IMessageStore store, TimeSpan idleTimeout) : GenServer<SessionState>
{
    /// <summary>
    /// Starts empty and asks for a continue: the starter is released at once, and the history is loaded in
    /// <see cref="HandleContinueAsync"/> before any request is handled.
    /// </summary>
    protected override InitResult<SessionState> Init() =>
        // Gap, step 5: this starts the idle clock at once, and there is no history yet. Return
        // Ok(SessionState.Empty).WithContinue(new LoadHistory()) instead: an InitResult holds a continue or a timeout,
        // not both, so HandleContinueAsync's result arms the idle timeout once the history is in.
        Ok(SessionState.Empty).WithTimeout(idleTimeout);

    /// <summary>
    /// Loads the history (the slow part) and arms the idle timeout: the continue's result is the first that can carry
    /// one, since Init's continue and Init's timeout cannot go together.
    /// </summary>
    /// <param name="argument">What Init asked for (<c>LoadHistory</c>).</param>
    /// <param name="state">The state Init made.</param>
    protected override async ValueTask<HandleResult<SessionState>> HandleContinueAsync(object argument, SessionState state)
    {
        // Init asks for one continue only (LoadHistory), so the argument needs no look.
        var history = await store.LoadAsync(user);

        // Gap, step 5: the history is unread and counts as delivered (Unread.AddRange, Delivered + history.Count).
        // Return NoReply with that state, and the idle timeout: from now on the session is idle, and no other result
        // is on its way to arm it.
        _ = history;
        throw new NotImplementedException("Step 5: implement SessionServer.HandleContinueAsync: load the history (see README, step 5).");
    }

    /// <summary>
    /// The calls. Each result carries the idle timeout again: any message cancels it, so a result without one would
    /// leave the session alive for ever. A poll with nothing to read returns NoReply and keeps the caller's
    /// <c>From</c>: the server goes on serving others, and the next delivery answers it.
    /// </summary>
    /// <param name="request">Poll, Deliver, Status or Logout; anything else goes to base.HandleCall, which stops the server with (bad_call, request).</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The current state.</param>
    protected override HandleResult<SessionState> HandleCall(object request, From from, SessionState state) => request switch
    {
        Deliver(var message) => Reply(state.Delivered + 1, Receive(message, state)).WithTimeout(idleTimeout),
        Poll when !state.Unread.IsEmpty => Reply(state.Unread, state with { Unread = [] }).WithTimeout(idleTimeout),
        Poll => NoReply(Park(from, state)).WithTimeout(idleTimeout),
        Status => Reply(new SessionStatus(user, state.Delivered, state.Unread.Count, state.Poller is not null), state).WithTimeout(idleTimeout),
        Logout => StopAndReply(ExitReason.Normal, state.Unread, state),
        _ => base.HandleCall(request, from, state),
    };

    /// <summary>The one cast: a kick stops the session with <see cref="Kicked"/>, which every process waiting on it sees.</summary>
    /// <param name="request">Kick; anything else goes to base.HandleCast, which stops the server with (bad_cast, request).</param>
    /// <param name="state">The current state.</param>
    protected override HandleResult<SessionState> HandleCast(object request, SessionState state) => request switch
    {
        // Gap, step 3: Kick(var why) stops the session with new Kicked(why) as its reason. A cast has no caller to
        // answer, so it is Stop, not StopAndReply; whoever watches the session (a monitor, a waiting poll) sees the reason.
        Kick => throw new NotImplementedException("Step 3: implement SessionServer.HandleCast for Kick (see README, step 3)."),
        _ => base.HandleCast(request, state),
    };

    /// <summary>
    /// The idle timeout arrives here as a message, <see cref="ExitReason.Timeout"/>: the session expires with a clean
    /// shutdown reason. Any other message is ignored, but it cancelled the idle timeout, so arm it again.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The current state.</param>
    protected override HandleResult<SessionState> HandleInfo(object message, SessionState state) =>
        // Gap, step 4: when message is ExitReason.Timeout (compare with Equals), stop with
        // ExitReason.ShutdownWith(new Expired(idleTimeout)). Anything else is a stray message: ignore it, but with
        // NoReply(state).WithTimeout(idleTimeout), because its arrival cancelled the idle timeout.
        throw new NotImplementedException("Step 4: implement SessionServer.HandleInfo (see README, step 4).");

    // A new message goes to the waiting poller if there is one (the deferred reply), else to the unread list.
    private static SessionState Receive(string message, SessionState state)
    {
        var delivered = state with { Delivered = state.Delivered + 1 };
        if (state.Poller is not null)
        {
            // Gap, step 2: a poll waits for this very message. Answer it through its kept From with
            // GenServer.Reply(poller, ImmutableList.Create(message)), and return the state with no poller: the message
            // is handed over, not left unread.
            throw new NotImplementedException("Step 2: implement SessionServer.Receive for a waiting poll (see README, step 2).");
        }

        return delivered with { Unread = state.Unread.Add(message) };
    }

    // One poller at a time: a kept From must be answered exactly once, so a poller that is replaced gets an empty list.
    private static SessionState Park(From from, SessionState state)
    {
        // Gap, step 2: keep from in the state (Poller) so that Receive can answer it later. If a poll already waits,
        // answer it first with GenServer.Reply(previous, ImmutableList<string>.Empty): its caller would otherwise wait
        // until its own timeout for a reply that never comes.
        throw new NotImplementedException("Step 2: implement SessionServer.Park (see README, step 2).");
    }
}
