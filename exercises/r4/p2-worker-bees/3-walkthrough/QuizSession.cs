using System;
using System.Threading.Tasks;
using Otp;

namespace WorkerBees;

/// <summary>
/// Steps 2, 6 and 7: the worker: one player's session, a GenServer that holds the <see cref="Progress"/> and hands every
/// request to <see cref="QuizCore"/>. It ends by itself, normally, when no request came for <see cref="QuizConfig.IdleTimeout"/>.
/// </summary>
/// <param name="player">The player whose session this is.</param>
/// <param name="config">The service's questions and idle time-out.</param>
public sealed class QuizSession(string player, QuizConfig config) : GenServer<Progress>
{
    /// <summary>
    /// Steps 2 and 7: how the sessions' supervisor starts a session: named <see cref="QuizConfig.SessionName"/> for the
    /// player, restarted after a crash but not after a normal end.
    /// </summary>
    /// <param name="player">The player.</param>
    /// <param name="config">The service's config.</param>
    /// <returns>A transient worker spec.</returns>
    public static ChildSpec Spec(string player, QuizConfig config) =>
        // Transient: a crash is a fault to heal (a fresh session under the same name); an idle time-out or an end asked
        // for is a normal exit, and the session is over.
        ChildSpec.For(() => new QuizSession(player, config), config.SessionName(player)) with { Restart = RestartType.Transient };

    /// <summary>Step 2: a session starts at the first question, its idle time-out running.</summary>
    /// <returns><c>Ok</c> with <see cref="QuizCore.Start"/>'s progress, with the idle time-out.</returns>
    protected override InitResult<Progress> Init() =>
        Ok(QuizCore.Start(player, config.Questions)).WithTimeout(config.IdleTimeout);

    /// <summary>
    /// Step 2: <see cref="GetProgress"/> replies the progress; <see cref="Submit"/> answers through
    /// <see cref="QuizCore.Answer"/> and replies the <see cref="Answered"/>; anything else is a bad call. Every reply
    /// starts the idle time-out again.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The progress.</param>
    /// <returns>The reply and the new progress.</returns>
    protected override HandleResult<Progress> HandleCall(object request, From from, Progress state)
    {
        switch (request)
        {
            case GetProgress:
                return Reply(state, state).WithTimeout(config.IdleTimeout);
            case Submit submit:
                var answered = QuizCore.Answer(state, submit.Answer);
                return Reply(answered, answered.Progress).WithTimeout(config.IdleTimeout);
            default:
                return base.HandleCall(request, from, state);
        }
    }

    /// <summary>Steps 2 and 6: the idle time-out ends the session with reason normal; any other message changes nothing.</summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The progress.</param>
    /// <returns>Stop normal on the time-out; otherwise the same progress.</returns>
    protected override HandleResult<Progress> HandleInfo(object message, Progress state) =>
        // GAP Step 6 (and step 2): when the idle time-out fires, the GenServer hands HandleInfo the message
        // ExitReason.Timeout (compare with Equals: a message is an object). Stop with reason normal then, so that the
        // transient session is not restarted. Any other message changes nothing, but it has cancelled the idle time-out
        // on its way in (every message does): return NoReply(state) with the time-out set again, as HandleCall does.
        throw new NotImplementedException("Step 2: implement QuizSession.HandleInfo (see README, step 2).");
}
