using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Hidden;

/// <summary>
/// Many players, random answers, random crashes, ends and idle time-outs, round after round. The suite keeps its own
/// model of every session (the progress the rules give, the pid, when it was last used) and checks after each round
/// that every session no fault touched is the same process with exactly the model's progress. Deterministic given the
/// seed, which every failure names: choices come from it, and every wait is on a reply or an exit.
/// </summary>
public sealed class SoakSuite : HiddenQuiz
{
    private sealed class Model(Pid pid, string player, DateTimeOffset now)
    {
        public Pid Pid { get; set; } = pid;

        public Progress Progress { get; set; } = new(player, Questions, 0, 0);

        public DateTimeOffset LastUsed { get; set; } = now;
    }

    [Property("Step", 7)]
    [Test]
    [CancelAfter(30_000)]
    [Repeat(3)]
    public async Task Random_crashes_ends_and_time_outs_lose_no_other_sessions_state(CancellationToken cancellationToken)
    {
        var (random, seed) = Seeded.Random();
        var service = await StartServiceAsync();
        var players = Enumerable.Range(0, 40).Select(i => $"bee-{i}").ToArray();
        var live = new Dictionary<string, Model>();

        for (var round = 0; round < 6; round++)
        {
            var at = $"round {round}, seed {seed}";

            // New sessions for some players without one (get-or-start for some who have one: nothing changes for them).
            foreach (var player in players.Where(_ => random.Next(3) == 0))
            {
                var pid = await SessionAsync(service, player, 4);
                if (live.TryGetValue(player, out var known))
                {
                    Assert.That(pid, Is.EqualTo(known.Pid), $"Step 4: {player} has a session: StartSessionAsync gives it ({at}) (see README, step 4).");
                }
                else
                {
                    live[player] = new Model(pid, player, Clock.GetUtcNow());
                }
            }

            // Answers, right and wrong, checked against the rules.
            foreach (var model in live.Values.Where(_ => random.Next(2) == 0).ToList())
            {
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var next = model.Progress.Next;
                    var right = next < Questions.Count && random.Next(2) == 0;
                    var answer = right ? Questions[next].Answer.ToUpperInvariant() + " " : $"guess {random.Next(100)}";
                    var answered = await WaitFor(service.AnswerAsync(model.Progress.Player, answer), $"{model.Progress.Player}'s answer ({at})", 4);
                    var expected = next < Questions.Count
                        ? model.Progress with { Next = next + 1, Score = model.Progress.Score + (right ? 1 : 0) }
                        : model.Progress;
                    Assert.That(answered, Is.EqualTo(new Answered(right, expected)), $"Step 4: {model.Progress.Player}'s answer \"{answer}\" ({at}) (see README, steps 1 and 4).");
                    model.Progress = expected;
                    model.LastUsed = Clock.GetUtcNow();
                }
            }

            // Faults: at most 3 crashes a round (the sessions' supervisor allows 3 restarts within 5 s), and some ends.
            var crashed = live.Values.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList();
            foreach (var model in crashed)
            {
                var old = model.Pid;
                switch (random.Next(3))
                {
                    case 0:
                        Node.Exit(old, ExitReason.Kill);
                        break;
                    case 1:
                        Node.Exit(old, new Atom("fault"));
                        break;
                    default:
                        Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<object>(Node, old, ("poison", round)),
                            $"Step 2: an unknown request crashes the session ({at}) (see README, step 2).");
                        break;
                }

                await ExitOf(old, $"{model.Progress.Player}'s crashed session ({at})", 7);
            }

            var ended = live.Values.Except(crashed).Where(_ => random.Next(8) == 0).ToList();
            foreach (var model in ended)
            {
                Assert.That(await WaitFor(service.EndSessionAsync(model.Progress.Player), $"EndSessionAsync for {model.Progress.Player} ({at})", 6), Is.True,
                    $"Step 6: {model.Progress.Player}'s running session ends ({at}) (see README, step 6).");
                live.Remove(model.Progress.Player);
            }

            await RunningSessionsAsync(service, 7); // answered once every restart is done
            foreach (var model in crashed)
            {
                var restarted = service.WhereIs(model.Progress.Player);
                Assert.That(restarted, Is.Not.Null.And.Not.EqualTo(model.Pid), $"Step 7: {model.Progress.Player}'s crashed session was restarted under its name ({at}) (see README, step 7).");
                model.Pid = restarted!;
                model.Progress = Fresh(model.Progress.Player);
                model.LastUsed = Clock.GetUtcNow();
            }

            // Time passes: the sessions unused for the idle time-out end, the others must not.
            var step = TimeSpan.FromMinutes(random.Next(1, 8));
            var now = Clock.GetUtcNow() + step;
            var expiring = live.Values.Where(m => m.LastUsed + IdleTimeout <= now).ToList();
            var exits = expiring.ToDictionary(m => m, m => Node.WaitForExitAsync(m.Pid));
            Clock.Advance(step);
            foreach (var (model, exit) in exits)
            {
                Assert.That(await WaitFor(exit, $"{model.Progress.Player}'s idle session ({at})", 6), Is.EqualTo(ExitReason.Normal),
                    $"Step 6: {model.Progress.Player}'s session was idle for the time-out: it ends normally ({at}) (see README, step 6).");
                live.Remove(model.Progress.Player);
            }

            // Every session left: the same process, exactly the model's progress (read without touching its timer).
            foreach (var model in live.Values)
            {
                Assert.That(service.WhereIs(model.Progress.Player), Is.EqualTo(model.Pid), $"Step 7: {model.Progress.Player}'s session is the same process ({at}) (see README, step 7).");
                Assert.That(await WaitFor(Sys.GetStateAsync<Progress>(Node, model.Pid), $"{model.Progress.Player}'s state ({at})", 7), Is.EqualTo(model.Progress),
                    $"Step 7: no fault, end or time-out elsewhere changed {model.Progress.Player}'s progress ({at}) (see README, step 7).");
            }

            Assert.That(service.Players().Order(), Is.EqualTo(live.Keys.Order()), $"Step 4: Players lists exactly the live sessions ({at}) (see README, steps 4 and 6).");
            Assert.That(await RunningSessionsAsync(service, 7), Is.EqualTo(live.Count), $"Step 7: the supervisor holds exactly the live sessions ({at}) (see README, steps 6 and 7).");
        }
    }
}
