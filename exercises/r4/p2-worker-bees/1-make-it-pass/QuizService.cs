using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace WorkerBees;

/// <summary>
/// Steps 3 to 6: the boundary: the quiz as its callers use it. Every method checks its arguments first, so bad input is
/// refused here with an <see cref="ArgumentException"/> and never reaches a process; then it finds the player's session
/// by name in the registry and talks to it.
/// </summary>
public sealed class QuizService
{
    /// <summary>Step 5: the longest player name accepted.</summary>
    public const int MaxPlayerLength = 32;

    private QuizService()
    {
    }

    /// <summary>The node the service runs on.</summary>
    public Node Node => throw new NotImplementedException("Step 3: implement QuizService.Node (see README, step 3).");

    /// <summary>The running application: its <see cref="Application.TopSupervisor"/> is the root of the tree.</summary>
    public QuizApp App => throw new NotImplementedException("Step 3: implement QuizService.App (see README, step 3).");

    /// <summary>The service's registry, questions and idle time-out.</summary>
    public QuizConfig Config => throw new NotImplementedException("Step 3: implement QuizService.Config (see README, step 3).");

    /// <summary>
    /// Steps 3 and 5: checks the arguments, then starts a <see cref="QuizApp"/> on <paramref name="node"/> with a new
    /// unique-key registry and returns the service, no session running yet.
    /// </summary>
    /// <param name="node">The node to run on; its clock times the idle sessions.</param>
    /// <param name="questions">The quiz: at least one question, none null, none with an empty or blank prompt or answer.</param>
    /// <param name="idleTimeout">How long a session may sit idle; more than zero.</param>
    /// <returns>The running service.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> or <paramref name="questions"/> is null.</exception>
    /// <exception cref="ArgumentException">No questions, a null question, or a blank prompt or answer.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="idleTimeout"/> is not more than zero.</exception>
    public static Task<QuizService> StartAsync(Node node, IEnumerable<Question> questions, TimeSpan idleTimeout) =>
        throw new NotImplementedException("Step 3: implement QuizService.StartAsync (see README, step 3).");

    /// <summary>
    /// Steps 4 and 5: get-or-start: the player's running session, or a new one started under the sessions' supervisor.
    /// Safe when many callers ask for the same player at once: exactly one session starts, and every caller gets it.
    /// </summary>
    /// <param name="player">The player's name: not blank, at most <see cref="MaxPlayerLength"/> characters.</param>
    /// <returns>The session's pid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    public Task<Pid> StartSessionAsync(string player) =>
        throw new NotImplementedException("Step 4: implement QuizService.StartSessionAsync (see README, step 4).");

    /// <summary>Step 4: the player's session process now, or null if the player has none.</summary>
    /// <param name="player">The player's name.</param>
    /// <returns>The pid, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    public Pid? WhereIs(string player) =>
        throw new NotImplementedException("Step 4: implement QuizService.WhereIs (see README, step 4).");

    /// <summary>Step 4: the players who have a session now, in no particular order.</summary>
    /// <returns>Their names.</returns>
    public IReadOnlyList<string> Players() =>
        throw new NotImplementedException("Step 4: implement QuizService.Players (see README, step 4).");

    /// <summary>Step 4: the player's progress, asked of the session by its name.</summary>
    /// <param name="player">The player's name.</param>
    /// <returns>The progress.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    /// <exception cref="NoProcessException">The player has no session.</exception>
    public Task<Progress> ProgressAsync(string player) =>
        throw new NotImplementedException("Step 4: implement QuizService.ProgressAsync (see README, step 4).");

    /// <summary>Steps 4 and 5: answers the player's current question in their session.</summary>
    /// <param name="player">The player's name.</param>
    /// <param name="answer">The answer: not null.</param>
    /// <returns>Whether it was right, and the progress after it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> or <paramref name="answer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    /// <exception cref="NoProcessException">The player has no session.</exception>
    public Task<Answered> AnswerAsync(string player, string answer) =>
        throw new NotImplementedException("Step 4: implement QuizService.AnswerAsync (see README, step 4).");

    /// <summary>Step 6: ends the player's session (its supervisor terminates it; it is not restarted).</summary>
    /// <param name="player">The player's name.</param>
    /// <returns>True if a session was ended, false if the player had none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    public Task<bool> EndSessionAsync(string player) =>
        throw new NotImplementedException("Step 6: implement QuizService.EndSessionAsync (see README, step 6).");

    /// <summary>Step 3: stops the application: the tree, and with it every session.</summary>
    /// <returns>When the tree has stopped.</returns>
    public Task StopAsync() =>
        throw new NotImplementedException("Step 3: implement QuizService.StopAsync (see README, step 3).");

}
