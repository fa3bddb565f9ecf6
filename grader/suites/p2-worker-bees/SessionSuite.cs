using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Hidden;

/// <summary>A session on its own: its requests, its spec, its state kept across many answers.</summary>
public sealed class SessionSuite : HiddenQuiz
{
    private QuizConfig Config { get; } = new(new Registry(RegistryKeys.Unique), Questions, IdleTimeout);

    private Task<Pid> StartAsync(string player) =>
        WaitFor(GenServer.StartAsync(Node, new QuizSession(player, Config)), $"a QuizSession for {player} to start", 2);

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_session_plays_the_whole_quiz_and_then_refuses_more_answers(CancellationToken cancellationToken)
    {
        var session = await StartAsync("bee");
        var answers = new[] { "The Waggle Dance", "honey", " 5 ", "DRONE", "drone" };
        var expected = new[]
        {
            new Answered(true, Fresh("bee") with { Next = 1, Score = 1 }),
            new Answered(false, Fresh("bee") with { Next = 2, Score = 1 }),
            new Answered(true, Fresh("bee") with { Next = 3, Score = 2 }),
            new Answered(true, Fresh("bee") with { Next = 4, Score = 3 }),
            new Answered(false, Fresh("bee") with { Next = 4, Score = 3 }),
        };

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.That(await WaitFor(GenServer.CallAsync<Answered>(Node, session, new Submit(answers[i])), $"Submit(\"{answers[i]}\")", 2), Is.EqualTo(expected[i]),
                $"Step 2: answer {i + 1} goes through the core from the progress the last one left (see README, step 2).");
        }

        Assert.That(await WaitFor(Sys.GetStateAsync<Progress>(Node, session), "the session's state", 2), Is.EqualTo(expected[^1].Progress),
            "Step 2: the session's state is the progress (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_session_asks_the_questions_of_its_config_for_its_own_player(CancellationToken cancellationToken)
    {
        var other = new QuizConfig(new Registry(RegistryKeys.Unique), [new Question("Sting?", "yes")], IdleTimeout);
        var session = await WaitFor(GenServer.StartAsync(Node, new QuizSession("wasp", other)), "a QuizSession with another quiz", 2);

        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, session, new GetProgress()), "GetProgress", 2),
            Is.EqualTo(new Progress("wasp", [new Question("Sting?", "yes")], 0, 0)), "Step 2: Init starts with the config's questions and the player given (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Unknown_requests_of_any_kind_are_bad_calls(CancellationToken cancellationToken)
    {
        foreach (var request in new object[] { 42, new Question("q", "a"), "GetProgress" })
        {
            var session = await StartAsync("bee");
            var exited = ExitOf(session, "a session sent a request it does not know", 2);
            var error = Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<object>(Node, session, request),
                $"Step 2: the request {request} is not one a session knows: base.HandleCall makes it a bad call (see README, step 2).");
            Assert.That(error!.Reason, Is.EqualTo((new Atom("bad_call"), request)), "Step 2: the reason is (bad_call, request) (see README, step 2).");
            Assert.That(await exited, Is.EqualTo((new Atom("bad_call"), request)), "Step 2: and the session exits with it (see README, step 2).");
        }
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Stray_messages_of_any_kind_change_nothing(CancellationToken cancellationToken)
    {
        var session = await StartAsync("bee");
        await WaitFor(GenServer.CallAsync<Answered>(Node, session, new Submit("the waggle dance")), "Submit", 2);

        Node.Send(session, new Submit("wax"));
        Node.Send(session, new GetProgress());
        Node.Send(session, 17);

        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, session, new GetProgress()), "GetProgress after stray messages", 2),
            Is.EqualTo(Fresh("bee") with { Next = 1, Score = 1 }), "Step 2: a request sent as a plain message is no call: it changes nothing (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Each_spec_makes_a_new_session_for_its_own_player(CancellationToken cancellationToken)
    {
        var supervisor = await WaitFor(DynamicSupervisor.StartAsync(Node), "a DynamicSupervisor", 2);
        var ann = await WaitFor(DynamicSupervisor.StartChildAsync(Node, supervisor, QuizSession.Spec("ann", Config)), "ann's spec to start", 2);
        var bob = await WaitFor(DynamicSupervisor.StartChildAsync(Node, supervisor, QuizSession.Spec("bob", Config)), "bob's spec to start", 2);

        Assert.That((Config.SessionName("ann").WhereIs(Node), Config.SessionName("bob").WhereIs(Node)), Is.EqualTo((ann, bob)),
            "Step 2: each spec names its session for its player (see README, step 2).");
        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, bob!, new GetProgress()), "bob's progress", 2), Is.EqualTo(Fresh("bob")),
            "Step 2: bob's spec starts bob's session (see README, step 2).");

        Node.Exit(ann!, new Atom("fault"));
        await ExitOf(ann!, "ann's session", 2);
        await WaitFor(DynamicSupervisor.CountChildrenAsync(Node, supervisor), "the supervisor's count", 2);
        var again = Config.SessionName("ann").WhereIs(Node);
        Assert.That(again, Is.Not.Null.And.Not.EqualTo(ann), "Step 2: the spec is transient: restarted after a crash, named again (see README, step 2).");
        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, again!, new GetProgress()), "ann's restarted progress", 2), Is.EqualTo(Fresh("ann")),
            "Step 2: a restart makes a new session: a spec's start function creates a new QuizSession each time (see README, step 2).");
    }
}
