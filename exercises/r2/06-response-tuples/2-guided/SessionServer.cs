using System;
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
    // The constructor's arguments, for the callbacks to use (the user in Status, the store in step 5, the idle timeout in step 4).
    private readonly string _user = user;
    private readonly IMessageStore _store = store;
    private readonly TimeSpan _idleTimeout = idleTimeout;

    /// <summary>
    /// Starts empty and asks for a continue: the starter is released at once, and the history is loaded in
    /// <see cref="HandleContinueAsync"/> before any request is handled.
    /// </summary>
    protected override InitResult<SessionState> Init()
    {
        // TODO Step 1: return Ok(SessionState.Empty).
        // TODO Step 4: add .WithTimeout(_idleTimeout), so a session nobody uses expires.
        // TODO Step 5: instead, return Ok(SessionState.Empty).WithContinue(new LoadHistory()): Init cannot carry both,
        //              and the continue's result (HandleContinueAsync) arms the idle timeout.
        throw new NotImplementedException("Step 1: implement SessionServer.Init (see README, step 1).");
    }

    /// <summary>
    /// Loads the history (the slow part) and arms the idle timeout: the continue's result is the first that can carry
    /// one, since Init's continue and Init's timeout cannot go together.
    /// </summary>
    /// <param name="argument">What Init asked for (<c>LoadHistory</c>).</param>
    /// <param name="state">The state Init made.</param>
    protected override ValueTask<HandleResult<SessionState>> HandleContinueAsync(object argument, SessionState state)
    {
        // TODO Step 5: make this method async; await _store.LoadAsync(_user) (Init asks for one continue only, so the
        //              argument needs no look), and return NoReply with a state whose Unread has the history added and
        //              whose Delivered counts it, .WithTimeout(_idleTimeout).
        throw new NotImplementedException("Step 5: implement SessionServer.HandleContinueAsync (see README, step 5).");
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
        // TODO Step 1: Deliver(var message) => Reply(state.Delivered + 1, Receive(message, state)).
        // TODO Step 1: Poll when there are unread messages => Reply with them, and a state with Unread = [].
        // TODO Step 2: Poll with nothing unread => NoReply(Park(from, state)): the caller waits, the server goes on.
        // TODO Step 1: Status => Reply(new SessionStatus(...), state).
        // TODO Step 3: Logout => StopAndReply(ExitReason.Normal, state.Unread, state).
        // TODO Step 4: every result that goes on (Reply, NoReply) gets .WithTimeout(_idleTimeout).
        // Anything else: base.HandleCall(request, from, state), which stops the server with (bad_call, request).
        _ => throw new NotImplementedException("Step 1: implement SessionServer.HandleCall (see README, steps 1 to 4)."),
    };

    /// <summary>The one cast: a kick stops the session with <see cref="Kicked"/>, which every process waiting on it sees.</summary>
    /// <param name="request">Kick; anything else goes to base.HandleCast, which stops the server with (bad_cast, request).</param>
    /// <param name="state">The current state.</param>
    protected override HandleResult<SessionState> HandleCast(object request, SessionState state) => request switch
    {
        // TODO Step 3: Kick(var why) => Stop(new Kicked(why), state). Anything else: base.HandleCast(request, state).
        _ => throw new NotImplementedException("Step 3: implement SessionServer.HandleCast (see README, step 3)."),
    };

    /// <summary>
    /// The idle timeout arrives here as a message, <see cref="ExitReason.Timeout"/>: the session expires with a clean
    /// shutdown reason. Any other message is ignored, but it cancelled the idle timeout, so arm it again.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The current state.</param>
    protected override HandleResult<SessionState> HandleInfo(object message, SessionState state)
    {
        // TODO Step 4: if ExitReason.Timeout.Equals(message), Stop(ExitReason.ShutdownWith(new Expired(_idleTimeout)), state);
        //              otherwise NoReply(state).WithTimeout(_idleTimeout).
        throw new NotImplementedException("Step 4: implement SessionServer.HandleInfo (see README, step 4).");
    }

    // A new message goes to the waiting poller if there is one (the deferred reply), else to the unread list.
    private static SessionState Receive(string message, SessionState state)
    {
        // TODO Step 1: return state with Delivered + 1 and the message added to Unread.
        // TODO Step 2: but if a poll waits (state.Poller is { } poller), answer it instead:
        //              GenServer.Reply(poller, ImmutableList.Create(message)), and clear Poller (the message is not unread).
        throw new NotImplementedException("Step 1: implement SessionServer.Receive (see README, step 1).");
    }

    // One poller at a time: a kept From must be answered exactly once, so a poller that is replaced gets an empty list.
    private static SessionState Park(From from, SessionState state)
    {
        // TODO Step 2: if a poll already waits, answer it with GenServer.Reply(previous, ImmutableList<string>.Empty);
        //              then return state with Poller = from.
        throw new NotImplementedException("Step 2: implement SessionServer.Park (see README, step 2).");
    }
}
