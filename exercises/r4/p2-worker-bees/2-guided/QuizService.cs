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

    private QuizService(Node node, QuizApp app)
    {
        Node = node;
        App = app;
    }

    /// <summary>The node the service runs on.</summary>
    public Node Node { get; }

    /// <summary>The running application: its <see cref="Application.TopSupervisor"/> is the root of the tree.</summary>
    public QuizApp App { get; }

    /// <summary>The service's registry, questions and idle time-out.</summary>
    public QuizConfig Config => App.Config;

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
        // TODO Step 5 (StartAsync_refuses_bad_arguments_before_starting_anything): check the arguments first, in the
        // README's order; ToImmutableList() the questions once and check that list.
        // TODO Step 3: var app = new QuizApp(new QuizConfig(new Registry(RegistryKeys.Unique), quiz, idleTimeout));
        // await app.StartAsync(node); return new QuizService(node, app). (The method becomes async.)
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
        // TODO Step 5: check the player first (WhereIs does, if you call it first).
        // TODO Step 4 (A_session_starts_when_a_player_first_asks_and_is_found_by_name, Asking_again_gives_the_same_session_with_its_progress):
        //   1. the player's session running already (WhereIs)? return it;
        //   2. else DynamicSupervisor.StartChildAsync(Node, Config.Sessions, QuizSession.Spec(player, Config)).
        // TODO Step 4 (Many_callers_starting_the_same_session_at_once_all_get_the_one_session): between 1 and 2 another
        //   caller may have started it. Then 2 throws StartFailedException with Reason (Atom("already_started"), pid):
        //   catch that one case (a `when` filter with a pattern) and return the pid.
        throw new NotImplementedException("Step 4: implement QuizService.StartSessionAsync (see README, step 4).");

    /// <summary>Step 4: the player's session process now, or null if the player has none.</summary>
    /// <param name="player">The player's name.</param>
    /// <returns>The pid, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    public Pid? WhereIs(string player) =>
        // TODO Step 5: CheckPlayer(player) first.
        // TODO Step 4: Config.SessionName(player).WhereIs(Node).
        throw new NotImplementedException("Step 4: implement QuizService.WhereIs (see README, step 4).");

    /// <summary>Step 4: the players who have a session now, in no particular order.</summary>
    /// <returns>Their names.</returns>
    public IReadOnlyList<string> Players() =>
        // TODO Step 4: Config.Registry.Select(where, project) over the entries whose key is a player's name (a string:
        // see QuizConfig.SessionName; the supervisor's key is a Type), projecting the key.
        throw new NotImplementedException("Step 4: implement QuizService.Players (see README, step 4).");

    /// <summary>Step 4: the player's progress, asked of the session by its name.</summary>
    /// <param name="player">The player's name.</param>
    /// <returns>The progress.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    /// <exception cref="NoProcessException">The player has no session.</exception>
    public Task<Progress> ProgressAsync(string player) =>
        // TODO Step 5: CheckPlayer(player) first.
        // TODO Step 4: GenServer.CallAsync<Progress>(Node, Config.SessionName(player), new GetProgress()).
        throw new NotImplementedException("Step 4: implement QuizService.ProgressAsync (see README, step 4).");

    /// <summary>Steps 4 and 5: answers the player's current question in their session.</summary>
    /// <param name="player">The player's name.</param>
    /// <param name="answer">The answer: not null.</param>
    /// <returns>Whether it was right, and the progress after it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> or <paramref name="answer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    /// <exception cref="NoProcessException">The player has no session.</exception>
    public Task<Answered> AnswerAsync(string player, string answer) =>
        // TODO Step 5 (A_null_answer_is_refused_and_the_session_goes_on): CheckPlayer(player), and refuse a null answer.
        // TODO Step 4: GenServer.CallAsync<Answered>(Node, Config.SessionName(player), new Submit(answer)).
        throw new NotImplementedException("Step 4: implement QuizService.AnswerAsync (see README, step 4).");

    /// <summary>Step 6: ends the player's session (its supervisor terminates it; it is not restarted).</summary>
    /// <param name="player">The player's name.</param>
    /// <returns>True if a session was ended, false if the player had none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="player"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="player"/> is blank or too long.</exception>
    public Task<bool> EndSessionAsync(string player) =>
        // TODO Step 6 (Ending_a_session_stops_it_for_good): no session (WhereIs is null, which also checks the player):
        //   false. Else DynamicSupervisor.TerminateChildAsync(Node, Config.Sessions, pid) and true; if the session
        //   ended by itself meanwhile, the supervisor refuses with SupervisorException: false then too.
        throw new NotImplementedException("Step 6: implement QuizService.EndSessionAsync (see README, step 6).");

    /// <summary>Step 3: stops the application: the tree, and with it every session.</summary>
    /// <returns>When the tree has stopped.</returns>
    public Task StopAsync() =>
        // TODO Step 3 (Stopping_the_service_stops_the_application_and_its_tree): App.StopAsync().
        throw new NotImplementedException("Step 3: implement QuizService.StopAsync (see README, step 3).");


    // TODO Step 5 (Bad_player_names_are_refused_before_any_session_starts): null -> ArgumentNullException; empty,
    // blank (string.IsNullOrWhiteSpace) or longer than MaxPlayerLength -> ArgumentException naming the parameter.
    private static void CheckPlayer(string player) =>
        throw new NotImplementedException("Step 5: implement QuizService.CheckPlayer (see README, step 5).");
}
