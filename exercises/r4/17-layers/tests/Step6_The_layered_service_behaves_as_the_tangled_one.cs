using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Layers.Tangled;
using NUnit.Framework;
using Otp;

namespace Layers.Tests;

/// <summary>Step 6: the layered service, end to end: every behaviour test of the tangled program, and a random session side by side with it.</summary>
public sealed class Step6_The_layered_service_behaves_as_the_tangled_one : PollBehaviour
{
    private PollService? _service;

    protected override string Program => "PollService";

    protected override Pid? Root => _service?.Tree;

    protected override async Task<IPolls> StartAsync()
    {
        _service = await WithinAsync(PollService.StartAsync(Node), "PollService.StartAsync");
        return _service;
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_random_session_gets_the_same_answers_as_from_the_tangled_program(CancellationToken cancellationToken)
    {
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"random seed: {seed}");
        var random = new Random(seed);
        var tangled = new TangledPolls(Node, TextWriter.Null);
        var layered = await StartAsync();
        string[] names = ["lunch", "drink", "film"];
        string[] options = ["a", "b", "c", "d", "e", "f"];
        string[] voters = ["ann", "bob", "cat", "dan", "eve"];

        for (var turn = 0; turn < 200; turn++)
        {
            // Every random choice is drawn first, so both programs get the very same call.
            var name = names[random.Next(names.Length)];
            var count = random.Next(2, 6);
            var voter = voters[random.Next(voters.Length)];
            var option = options[random.Next(options.Length)];
            var (what, call) = random.Next(10) switch
            {
                0 => ($"open {name} with {count} options", (Func<IPolls, Task<string>>)(async p =>
                {
                    await p.OpenAsync(name, $"{name}?", options[..count]);
                    return "opened";
                })),
                1 => ($"close {name}", async p =>
                {
                    await p.CloseAsync(name);
                    return "closed";
                }),
                2 or 3 => ($"report {name}", p => p.ReportAsync(name)),
                _ => ($"{voter} votes {option} in {name}", async p => (await p.VoteAsync(name, voter, option)).ToString()),
            };

            var expected = await OutcomeAsync(tangled, call, $"the tangled program's answer to {what}");
            var actual = await OutcomeAsync(layered, call, $"PollService's answer to {what}");
            Assert.That(actual, Is.EqualTo(expected),
                $"Step 6: turn {turn}, {what}: the tangled program answered {expected}, PollService {actual} (seed {seed}) {See}.");
        }
    }

    private async Task<string> OutcomeAsync(IPolls polls, Func<IPolls, Task<string>> call, string what)
    {
        try
        {
            return await Answer(call(polls), what);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return error.GetType().Name;
        }
    }
}
