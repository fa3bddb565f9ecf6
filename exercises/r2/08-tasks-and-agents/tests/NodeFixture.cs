using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Tests;

/// <summary>
/// What every step's tests share: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>) and
/// an inbox, through which the test itself acts as a process: the owner of the tasks it starts.
/// </summary>
public abstract class NodeFixture
{
    /// <summary>The node's clock.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The node the tasks and agents run on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The test, as a process.</summary>
    protected ProcessContext Inbox { get; private set; } = null!;

    [SetUp]
    public void StartNode()
    {
        Clock = new FakeTimeProvider();
        Node = new Node(Clock);
        Inbox = Node.CreateInbox();
    }

    [TearDown]
    public void StopNode()
    {
        Inbox.Dispose();
        Node.Dispose();
    }
}
