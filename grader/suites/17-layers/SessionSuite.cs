using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Layers.Tangled;
using NUnit.Framework;

namespace Layers.Hidden;

/// <summary>Step 6: long random sessions, side by side with the tangled program, and many polls busy at once.</summary>
public sealed class SessionSuite : HiddenTest
{
    protected override int Step => 6;

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    [Repeat(3)]
    public async Task A_long_random_session_with_bad_input_answers_as_the_tangled_program(CancellationToken cancellationToken)
    {
        var (random, seed) = Seeded.Random();
        var tangled = new TangledPolls(Node, TextWriter.Null);
        var layered = await WithinAsync(PollService.StartAsync(Node), "PollService.StartAsync");
        string[] names = ["lunch", "Lunch", "drink", " x ", ""];
        string[] options = ["a", "b", "c", "d", "e", "f", "A", " "];
        string[] voters = ["ann", "bob", "Ann", "cat", ""];

        for (var turn = 0; turn < 400; turn++)
        {
            var name = names[random.Next(names.Length)];
            var voter = voters[random.Next(voters.Length)];
            var option = options[random.Next(options.Length)];
            var chosen = Enumerable.Range(0, random.Next(0, 8)).Select(_ => options[random.Next(options.Length)]).ToArray();
            var (what, call) = random.Next(12) switch
            {
                0 or 1 => ($"open {Show(name)} with [{string.Join(", ", chosen.Select(Show))}]", (Func<IPolls, Task<string>>)(async p =>
                {
                    await p.OpenAsync(name, $"{name}?", chosen);
                    return "opened";
                })),
                2 => ($"close {Show(name)}", async p =>
                {
                    await p.CloseAsync(name);
                    return "closed";
                }),
                3 or 4 => ($"report {Show(name)}", p => p.ReportAsync(name)),
                _ => ($"{Show(voter)} votes {Show(option)} in {Show(name)}", async p => (await p.VoteAsync(name, voter, option)).ToString()),
            };

            // The tangled program looks for an open name before it checks the options (it checks those inside the poll's
            // process); the boundary checks all input first. For bad input the README's rule is the answer, not the tangled program's.
            var bad = string.IsNullOrWhiteSpace(name)
                      || (what.StartsWith("open", StringComparison.Ordinal) && (chosen.Length is < 2 or > 5 || chosen.Any(string.IsNullOrWhiteSpace) || chosen.Distinct().Count() != chosen.Length))
                      || (what.Contains(" votes ", StringComparison.Ordinal) && (string.IsNullOrWhiteSpace(voter) || string.IsNullOrWhiteSpace(option)));
            var expected = bad ? nameof(ArgumentException) : await OutcomeAsync(tangled, call, $"the tangled program's answer to {what}");
            var actual = await OutcomeAsync(layered, call, $"PollService's answer to {what}");
            Assert.That(actual, Is.EqualTo(expected), $"Step 6: turn {turn}, {what}: the tangled program answered {expected}, PollService {actual} (seed {seed}) {See}.");
        }
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Many_polls_voted_in_at_once_each_count_exactly_their_own_votes(CancellationToken cancellationToken)
    {
        var (random, seed) = Seeded.Random();
        var service = await WithinAsync(PollService.StartAsync(Node), "PollService.StartAsync");
        var polls = Enumerable.Range(0, 6).Select(i => $"p{i}").ToArray();
        foreach (var poll in polls)
        {
            await WithinAsync(service.OpenAsync(poll, $"{poll}?", ["a", "b", "c"]), $"{poll} to open", service.Tree, "the tree");
        }

        var ballots = Enumerable.Range(0, 240).Select(i => (poll: polls[random.Next(polls.Length)], voter: $"v{i}", option: new[] { "a", "b", "c" }[random.Next(3)])).ToList();
        var outcomes = await WithinAsync(Task.WhenAll(ballots.Select(b => Task.Run(() => service.VoteAsync(b.poll, b.voter, b.option), cancellationToken))),
            "240 votes at once", service.Tree, "the tree");

        Assert.That(outcomes, Is.All.EqualTo(VoteOutcome.Counted), $"Step 6: 240 different voters are each Counted (seed {seed}) {See}.");
        foreach (var poll in polls)
        {
            var model = PollCore.Open($"{poll}?", ["a", "b", "c"]);
            foreach (var b in ballots.Where(b => b.poll == poll))
            {
                model = PollCore.Vote(model, b.voter, b.option).Poll;
            }

            Assert.That(await WithinAsync(service.ReportAsync(poll), $"the report of {poll}", service.Tree, "the tree"), Is.EqualTo(PollCore.Report(model)),
                $"Step 6: {poll} counted exactly its own votes, none lost, none from another poll (seed {seed}) {See}.");
        }
    }

    private static string Show(string text) => $"\"{text}\"";

    private async Task<string> OutcomeAsync(IPolls polls, Func<IPolls, Task<string>> call, string what)
    {
        try
        {
            return await WithinAsync(call(polls), what);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return error.GetType() == typeof(ArgumentNullException) ? nameof(ArgumentException) : error.GetType().Name;
        }
    }
}
