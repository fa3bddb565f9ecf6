using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Otp;

namespace Backpressure.Tests;

/// <summary>
/// Makes each test's node, on a fake clock that only the test moves, and keeps a log of the processes that crash on it,
/// so that a failing wait can say which process died and why (a stub's NotImplementedException, for example).
/// </summary>
internal static class Nodes
{
    private static readonly AsyncLocal<ConcurrentQueue<string>?> s_crashes = new();

    /// <summary>A node on <paramref name="time"/> (a new FakeTimeProvider if null) whose crashes are logged for this test.</summary>
    public static Node Start(FakeTimeProvider? time = null)
    {
        var node = new Node(time ?? new FakeTimeProvider());
        var crashes = new ConcurrentQueue<string>();
        node.ProcessCrashed += (pid, reason) => crashes.Enqueue($"{pid} crashed: {Describe(reason)}");
        s_crashes.Value = crashes;
        return node;
    }

    /// <summary>The crashes seen so far on this test's node, as a sentence to append to a failure message.</summary>
    public static string CrashReport() =>
        s_crashes.Value is { IsEmpty: false } crashes ? " Meanwhile " + string.Join("; ", crashes) : "";

    private static string Describe(object reason) => reason switch
    {
        System.Exception error => $"{error.GetType().Name}: {error.Message}",
        _ => reason.ToString() ?? "?",
    };
}
