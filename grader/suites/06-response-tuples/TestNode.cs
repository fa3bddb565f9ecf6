using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Otp;

namespace ResponseTuples.Hidden;

/// <summary>
/// What every test needs: a node on a fake clock (time moves only when the test calls <see cref="Advance"/>) and an
/// inbox, a process for the test itself to monitor sessions from.
/// </summary>
internal sealed class TestNode : IDisposable
{
    /// <summary>The idle timeout the tests give their sessions.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    /// <summary>The smallest step of time the tests take: one millisecond.</summary>
    public static readonly TimeSpan Instant = TimeSpan.FromMilliseconds(1);

    public TestNode()
    {
        Node = new Node(Time);
        Inbox = Node.CreateInbox();
    }

    public FakeTimeProvider Time { get; } = new();

    public Node Node { get; }

    public ProcessContext Inbox { get; }

    /// <summary>Starts a session for "ada" with <paramref name="store"/> (default: no history) and <see cref="Idle"/>.</summary>
    public Task<Pid> StartAsync(int step, IMessageStore? store = null) =>
        Waiting.For(Session.StartAsync(Node, "ada", store ?? HistoryStore.Empty, Idle), step, "Session.StartAsync to return the new session's pid");

    /// <summary>Moves the fake clock; timers due by then fire before this returns.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    public void Dispose() => Node.Dispose();
}
