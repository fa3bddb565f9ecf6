using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace Layers.Hidden;

/// <summary>
/// The layers themselves, read from the compiled code: the data and the core depend on nothing of the runtime, the core
/// keeps no state of its own, and the worker leaves every rule to the core.
/// </summary>
public sealed class LayeringSuite
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Type[] DataTypes = [typeof(Poll), typeof(Standing), typeof(VoteOutcome)];

    // What a pure core never touches: the runtime (processes), threads and tasks, a clock, the console or files.
    private static string? Forbidden(Type type)
    {
        var ns = type.Namespace ?? "";
        if (ns == "Otp" || ns.StartsWith("Otp.", StringComparison.Ordinal))
        {
            return "the OTP runtime (processes)";
        }

        if (ns.StartsWith("System.Threading", StringComparison.Ordinal))
        {
            return "threads and tasks";
        }

        if (ns == "System.IO" || type == typeof(Console))
        {
            return "the console or files";
        }

        return type == typeof(TimeProvider) ? "a clock" : null;
    }

    private static string? ForbiddenMember(MemberInfo member) =>
        member is MethodInfo { Name: "get_Now" or "get_UtcNow" or "get_Today" } m && (m.DeclaringType == typeof(DateTime) || m.DeclaringType == typeof(DateTimeOffset))
            ? "a clock"
            : Il.TypesOf(member).Select(Forbidden).FirstOrDefault(f => f is not null);

    // The step whose member a piece of the core's code belongs to (a lambda is named after its method: <Standings>b__1_0).
    private static int StepOf(MethodBase method)
    {
        var owner = $"{method.DeclaringType?.Name} {method.Name}";
        return new[] { "Vote", "Close" }.Any(n => owner.Contains(n, StringComparison.Ordinal)) ? 2 : 1;
    }

    [Property("Step", 2)]
    [Test]
    public void The_core_and_the_data_name_no_type_of_the_runtime_in_their_signatures()
    {
        var problems = new List<string>();
        foreach (var type in Il.WithNested(typeof(PollCore)).Concat(DataTypes))
        {
            foreach (var field in type.GetFields(Everything))
            {
                if (Il.Unwrap(field.FieldType).Select(Forbidden).FirstOrDefault(f => f is not null) is { } what)
                {
                    problems.Add($"{type.Name}.{field.Name} is a {field.FieldType.Name}, which belongs to {what}");
                }
            }

            foreach (var method in type.GetMethods(Everything))
            {
                var signature = method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType);
                if (signature.SelectMany(Il.Unwrap).Select(Forbidden).FirstOrDefault(f => f is not null) is { } what)
                {
                    problems.Add($"{type.Name}.{method.Name} takes or returns a type of {what}");
                }
            }
        }

        Assert.That(problems, Is.Empty,
            "Step 2: the functional core and the data are values and functions over values: a Poll in, a Poll (and an outcome, " +
            "standings or a report) out. Processes, tasks, clocks and the console belong to the layers around them (the worker, " +
            "the boundary). Found: " + string.Join("; ", problems) + " (see README, step 2).");
    }

    [Property("Step", 2)] // the message names the earliest step whose member breaks the rule
    [Test]
    public void Nothing_the_core_calls_creates_or_reads_belongs_to_the_runtime_a_clock_or_the_console()
    {
        var problems = Il.Bodies(typeof(PollCore))
            .SelectMany(method => Il.References(method).Select(member => (method, member, what: ForbiddenMember(member))))
            .Where(x => x.what is not null)
            .Select(x => (step: StepOf(x.method), text: $"{x.method.DeclaringType?.Name}.{x.method.Name} uses {Il.Show(x.member)} ({x.what})"))
            .Distinct()
            .ToList();

        var step = problems.Count == 0 ? 2 : problems.Min(p => p.step);
        Assert.That(problems.Select(p => p.text), Is.Empty,
            $"Step {step}: PollCore is the functional core: every answer it gives follows from its arguments alone, so it can be " +
            "tested with nothing running and called from any process. It may not call, create or read anything of the runtime, " +
            "tasks, a clock or the console; the worker (PollServer) does the process work and calls the core. Found: " +
            string.Join("; ", problems.Select(p => p.text)) + $" (see README, step {step}).");
    }

    [Property("Step", 2)]
    [Test]
    public void The_core_keeps_no_state_of_its_own_between_calls()
    {
        var mutable = Il.WithNested(typeof(PollCore))
            .Where(t => !Il.IsCompilerGenerated(t)) // the compiler caches lambdas in static fields; those hold no data
            .SelectMany(t => t.GetFields(Everything).Where(f => f.IsStatic && !f.IsInitOnly && !f.IsLiteral).Select(f => $"{t.Name}.{f.Name}"))
            .ToList();
        Assert.That(mutable, Is.Empty,
            "Step 2: the core keeps no state between calls: a static field that can change makes one caller's answer depend on " +
            $"another's calls. The poll is the state, and it travels in the arguments and the results. Found: {string.Join(", ", mutable)} (see README, step 2).");
    }

    [Property("Step", 3)]
    [Test]
    public void The_worker_hands_votes_closes_and_reports_to_the_core()
    {
        var called = Il.Bodies(typeof(PollServer)).SelectMany(Il.References).OfType<MethodInfo>()
            .Where(m => m.DeclaringType == typeof(PollCore)).Select(m => m.Name).ToHashSet();

        foreach (var rule in new[] { nameof(PollCore.Vote), nameof(PollCore.Close), nameof(PollCore.Report) })
        {
            Assert.That(called, Does.Contain(rule),
                $"Step 3: the worker is a shell around the core: its HandleCall asks PollCore.{rule} for the answer and the next state, " +
                $"so the rule lives in one place and is tested without a process. PollServer never calls PollCore.{rule} " +
                $"(it calls: {string.Join(", ", called.Order())}) (see README, step 3).");
        }
    }

    [Property("Step", 3)]
    [Test]
    public void The_worker_reads_no_field_of_the_poll_and_makes_no_poll_of_its_own()
    {
        var touched = Il.Bodies(typeof(PollServer))
            .SelectMany(method => Il.References(method).Select(member => (method, member)))
            .Where(x => x.member.DeclaringType == typeof(Poll) && x.member is MethodBase { Name: not "Equals" and not "GetHashCode" and not "ToString" })
            .Select(x => $"{x.method.DeclaringType?.Name}.{x.method.Name} uses Poll.{x.member.Name}")
            .Distinct()
            .ToList();

        Assert.That(touched, Is.Empty,
            "Step 3: the worker decides nothing about a poll: it hands the poll to PollCore and keeps what comes back. Reading " +
            "the ballots, options or closed flag in the worker (or making a poll with `with` or `new`) is a rule that escaped " +
            $"the core, untested by steps 1 and 2. Found: {string.Join("; ", touched)} (see README, step 3).");
    }

    [Property("Step", 2)]
    [Test]
    public void The_data_and_the_core_do_not_know_the_layers_around_them()
    {
        var outer = new[] { typeof(PollServer), typeof(PollTree), typeof(PollService) };
        var problems = Il.Bodies(typeof(PollCore))
            .SelectMany(method => Il.References(method).Select(member => (method, member)))
            .Where(x => Il.TypesOf(x.member).Any(t => outer.Contains(t)))
            .Select(x => $"{x.method.Name} uses {Il.Show(x.member)}")
            .Distinct()
            .ToList();

        Assert.That(problems, Is.Empty,
            "Step 2: each layer depends only on the layers inside it: the core knows the data, never the worker, the tree or the " +
            $"boundary that use it. Found: {string.Join("; ", problems)} (see README, step 2).");
    }
}
