using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Hidden;

/// <summary>Many callers at once: get-or-start gives one session per player however the starts interleave.</summary>
public sealed class RaceSuite : HiddenQuiz
{
    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    [Repeat(5)]
    public async Task Many_players_each_asked_for_by_many_callers_at_once_get_one_session_each(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var players = Enumerable.Range(0, 12).Select(i => $"p{i}").ToArray();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = players.SelectMany(p => Enumerable.Range(0, 6).Select(_ => (Player: p, Task: Task.Run(async () =>
        {
            await gate.Task;
            return await service.StartSessionAsync(p);
        }, cancellationToken)))).ToArray();

        gate.SetResult();
        await WaitFor(Task.WhenAll(calls.Select(c => c.Task)), "72 StartSessionAsync calls at once (a loser of a race gets the winner's pid)", 4);

        foreach (var group in calls.GroupBy(c => c.Player))
        {
            Assert.That(group.Select(c => c.Task.Result).Distinct().ToArray(), Is.EqualTo(new[] { service.WhereIs(group.Key) }),
                $"Step 4: every caller for {group.Key} gets {group.Key}'s one session (see README, step 4).");
        }

        Assert.That(await RunningSessionsAsync(service, 4), Is.EqualTo(players.Length), "Step 4: exactly one session per player started (see README, step 4).");
        Assert.That(service.Players().Order(), Is.EqualTo(players.Order()), "Step 4: Players lists each once (see README, step 4).");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_session_registered_by_someone_else_first_is_the_one_a_caller_gets(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var first = await WaitFor(DynamicSupervisor.StartChildAsync(Node, service.Config.Sessions, QuizSession.Spec("ann", service.Config)), "a session started by hand", 4);

        Assert.That(await SessionAsync(service, "ann"), Is.EqualTo(first), "Step 4: the player's running session is the answer, however it was started (see README, step 4).");
        Assert.That(await RunningSessionsAsync(service, 4), Is.EqualTo(1), "Step 4: no second session (see README, step 4).");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Answers_from_many_callers_to_one_session_are_each_counted_once(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await SessionAsync(service, "ann");

        var answers = await WaitFor(Task.WhenAll(Enumerable.Range(0, Questions.Count).Select(_ => Task.Run(() => service.AnswerAsync("ann", "wrong"), cancellationToken))),
            "4 answers at once", 4);

        Assert.That(answers.Select(a => a.Progress.Next).Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }),
            "Step 4: one session handles one request at a time: each answer moves the quiz on by one (see README, steps 2 and 4).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ann's progress", 4), Is.EqualTo(Fresh("ann") with { Next = 4 }), "Step 4: all four counted (see README, step 4).");
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    [Repeat(5)]
    public async Task Many_callers_ending_the_same_session_at_once_end_it_once(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await SessionAsync(service, "ann", 6);
        var bob = await SessionAsync(service, "bob", 6);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ends = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await service.EndSessionAsync("ann");
        }, cancellationToken)).ToArray();

        gate.SetResult();
        var results = await WaitFor(Task.WhenAll(ends), "8 EndSessionAsync(\"ann\") at once (a caller that finds the session already gone gets false, not an exception)", 6);

        Assert.That(results.Count(ended => ended), Is.EqualTo(1), "Step 6: exactly one caller ended ann's session; the others found it gone: false (see README, step 6).");
        Assert.That(service.Players(), Is.EqualTo(new[] { "bob" }), "Step 6: bob's session runs on (see README, step 6).");
        Assert.That(service.WhereIs("bob"), Is.EqualTo(bob), "Step 6: the same process (see README, step 6).");
    }
}
