using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Hidden;

/// <summary>Every kind of exit against every restart type, and a random sequence checked against a model.</summary>
[Property("Step", 4)]
public sealed class RestartTypeSuite : HiddenTest
{
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(2);

    private static readonly object[] Reasons =
    [
        ExitReason.Normal, ExitReason.Shutdown, ExitReason.ShutdownWith(new Atom("published")), new Atom("crash"), ExitReason.Kill,
    ];

    private static bool IsNormal(object reason) =>
        reason.Equals(ExitReason.Normal) || reason.Equals(ExitReason.Shutdown) || reason is ShutdownReason;

    private async Task EndAsync(Pid pid, object reason, string what)
    {
        if (reason.Equals(ExitReason.Kill))
        {
            var exit = Watch(pid);
            Node.Exit(pid, ExitReason.Kill);
            await ExitReasonAsync(exit, what);
        }
        else
        {
            await StopWorkerAsync(pid, reason, what);
        }
    }

    [TestCaseSource(nameof(Reasons))]
    [CancelAfter(10_000)]
    public async Task Each_assignment_follows_its_restart_type(object reason, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "wire", "correction", "interview" })
        {
            Clock.Advance(Later);
            var assignments = await StartAsync(new Assignments(Log), $"the assignments (for the {name})");
            var before = await PidsAsync(assignments, "the assignments");

            await EndAsync(before[name]!, reason, $"the {name}");

            var after = await PidsAsync(assignments, "the assignments");
            var restarted = name == "wire" || (name == "correction" && !IsNormal(reason));
            if (restarted)
            {
                Assert.That(after[name], Is.Not.Null.And.Not.EqualTo(before[name]), $"the {name} is restarted after {reason}.");
            }
            else if (name == "correction")
            {
                Assert.That(after[name], Is.Null, $"the transient correction is done after {reason}: listed, not running.");
            }
            else
            {
                Assert.That(after.ContainsKey(name), Is.False, $"the temporary {name} is dropped after {reason}.");
            }

            foreach (var other in before.Keys.Where(k => !Equals(k, name)))
            {
                Assert.That(after[other], Is.EqualTo(before[other]), $"the {other} is left alone when the {name} exits.");
            }

            await StopSupervisorAsync(assignments, "the assignments");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_random_day_of_assignments_matches_the_restart_rules(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var assignments = await StartAsync(new Assignments(Log), "the assignments");
        var running = new HashSet<string> { "wire", "correction", "interview" };
        var listed = new HashSet<string>(running);

        for (var round = 0; round < 12 && running.Count > 0; round++)
        {
            Clock.Advance(Later);
            var name = running.ElementAt(random.Next(running.Count));
            var reason = Reasons[random.Next(Reasons.Length)];
            var pid = await ChildAsync(assignments, name, "the assignments");

            await EndAsync(pid, reason, $"the {name} (round {round}, {reason})");

            if (name == "interview")
            {
                running.Remove(name);
                listed.Remove(name);
            }
            else if (name == "correction" && IsNormal(reason))
            {
                running.Remove(name);
            }

            var children = await ChildrenAsync(assignments, "the assignments");
            Assert.That(children.Select(c => (string)c.Id), Is.EquivalentTo(listed), $"round {round}: the listed assignments after the {name} ended with {reason}.");
            Assert.That(children.Where(c => c.Pid is not null).Select(c => (string)c.Id), Is.EquivalentTo(running),
                $"round {round}: the running assignments after the {name} ended with {reason}.");
        }
    }
}
