using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Tests;

/// <summary>Step 2: a session is a GenServer that keeps one player's progress and hands every request to the core.</summary>
public sealed class Step2_A_session_is_a_worker : QuizTest
{
    protected override int Step => 2;

    private QuizConfig Config { get; } = new(new Registry(RegistryKeys.Unique), Questions, IdleTimeout);

    private Task<Pid> StartSessionAsync(string player) =>
        WaitFor(GenServer.StartAsync(Node, new QuizSession(player, Config)), $"GenServer.StartAsync of a QuizSession for {player}");

    [Test]
    [CancelAfter(10_000)]
    public async Task A_session_starts_at_the_first_question(CancellationToken cancellationToken)
    {
        var session = await StartSessionAsync("ann");

        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, session, new GetProgress()), "the reply to GetProgress"), Is.EqualTo(Fresh("ann")),
            "Step 2: a new session's progress is QuizCore.Start's, and GetProgress replies it (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_answers_through_the_core_and_the_session_keeps_the_progress(CancellationToken cancellationToken)
    {
        var session = await StartSessionAsync("ann");

        var first = await WaitFor(GenServer.CallAsync<Answered>(Node, session, new Submit("Honey")), "the reply to Submit(\"Honey\")");
        var second = await WaitFor(GenServer.CallAsync<Answered>(Node, session, new Submit("8")), "the reply to Submit(\"8\")");

        Assert.That(first, Is.EqualTo(new Answered(true, Fresh("ann") with { Next = 1, Score = 1 })), "Step 2: Submit replies what QuizCore.Answer gives (see README, step 2).");
        Assert.That(second, Is.EqualTo(new Answered(false, Fresh("ann") with { Next = 2, Score = 1 })),
            "Step 2: the second answer starts from the progress the first one left (see README, step 2).");
        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, session, new GetProgress()), "the reply to GetProgress"), Is.EqualTo(second.Progress),
            "Step 2: the session keeps the progress of its last answer as its state (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_request_a_session_does_not_know_is_a_bad_call(CancellationToken cancellationToken)
    {
        var session = await StartSessionAsync("ann");

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<object>(Node, session, "what?", cancellationToken: cancellationToken),
            "Step 2: a request the session does not know goes to base.HandleCall, which stops the session; the caller gets ProcessExitedException (see README, step 2).");
        Assert.That(error!.Reason, Is.EqualTo((new Atom("bad_call"), "what?")), "Step 2: the reason is (bad_call, request) (see README, step 2).");
        await ExitOf(session, "the session after a bad call");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_stray_message_changes_nothing(CancellationToken cancellationToken)
    {
        var session = await StartSessionAsync("ann");
        await WaitFor(GenServer.CallAsync<Answered>(Node, session, new Submit("honey")), "the reply to Submit(\"honey\")");

        Node.Send(session, "hello");

        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, session, new GetProgress()), "the reply to GetProgress after a stray message"),
            Is.EqualTo(Fresh("ann") with { Next = 1, Score = 1 }), "Step 2: a message that is no request changes nothing (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Spec_starts_a_transient_worker_named_for_its_player(CancellationToken cancellationToken)
    {
        var spec = QuizSession.Spec("ann", Config);
        Assert.That((spec.Restart, spec.Type), Is.EqualTo((RestartType.Transient, ChildType.Worker)),
            "Step 2: a session is a transient worker: restarted after a crash, not after a normal end (see README, step 2).");

        var supervisor = await WaitFor(DynamicSupervisor.StartAsync(Node), "a DynamicSupervisor to start");
        var session = await WaitFor(DynamicSupervisor.StartChildAsync(Node, supervisor, spec), "DynamicSupervisor.StartChildAsync(QuizSession.Spec(\"ann\", config))");

        Assert.That(session, Is.Not.Null.And.EqualTo(Config.SessionName("ann").WhereIs(Node)),
            "Step 2: the spec starts the session under Config.SessionName(player) (see README, step 2).");
        Assert.That(await WaitFor(GenServer.CallAsync<Progress>(Node, Config.SessionName("ann"), new GetProgress()), "GetProgress by the session's name"),
            Is.EqualTo(Fresh("ann")), "Step 2: the spec starts a QuizSession for its player (see README, step 2).");
    }
}
