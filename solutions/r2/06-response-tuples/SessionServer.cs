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
        Ok(SessionState.Empty).WithContinue(new LoadHistory());

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
        var loaded = state with { Unread = state.Unread.AddRange(history), Delivered = state.Delivered + history.Count };
        return NoReply(loaded).WithTimeout(idleTimeout);
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
        Kick(var why) => Stop(new Kicked(why), state),
        _ => base.HandleCast(request, state),
    };

    /// <summary>
    /// The idle timeout arrives here as a message, <see cref="ExitReason.Timeout"/>: the session expires with a clean
    /// shutdown reason. Any other message is ignored, but it cancelled the idle timeout, so arm it again.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The current state.</param>
    protected override HandleResult<SessionState> HandleInfo(object message, SessionState state) =>
        ExitReason.Timeout.Equals(message)
            ? Stop(ExitReason.ShutdownWith(new Expired(idleTimeout)), state)
            : NoReply(state).WithTimeout(idleTimeout);

    // A new message goes to the waiting poller if there is one (the deferred reply), else to the unread list.
    private static SessionState Receive(string message, SessionState state)
    {
        var delivered = state with { Delivered = state.Delivered + 1 };
        if (state.Poller is { } poller)
        {
            GenServer.Reply(poller, ImmutableList.Create(message));
            return delivered with { Poller = null };
        }

        return delivered with { Unread = state.Unread.Add(message) };
    }

    // One poller at a time: a kept From must be answered exactly once, so a poller that is replaced gets an empty list.
    private static SessionState Park(From from, SessionState state)
    {
        if (state.Poller is { } previous)
        {
            GenServer.Reply(previous, ImmutableList<string>.Empty);
        }

        return state with { Poller = from };
    }
}
