using Microsoft.Extensions.Time.Testing;
using Otp;

namespace Runtime.Tests;

/// <summary>
/// The set-up every runtime test shares: a node (on a fake clock unless the fixture asks for real time), an inbox that
/// lets the test act as a process, and a second inbox for watching from the side.
/// </summary>
public abstract class RuntimeTest
{
    /// <summary>The node's clock; advancing it is the only way time passes in a test on the fake clock.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected Node Node { get; private set; } = null!;

    /// <summary>The test itself, as a process.</summary>
    protected ProcessContext Inbox { get; private set; } = null!;

    /// <summary>A second process for messages the test wants to keep apart from <see cref="Inbox"/>'s (reports from callbacks).</summary>
    protected ProcessContext Witness { get; private set; } = null!;

    /// <summary>False for fixtures whose tests need real time (receive time-outs measured on the wall clock).</summary>
    protected virtual bool UsesFakeClock => true;

    [SetUp]
    public void SetUpNode()
    {
        Clock = new FakeTimeProvider();
        Node = UsesFakeClock ? new Node(Clock) : new Node();
        Inbox = Node.CreateInbox();
        Witness = Node.CreateInbox();
    }

    [TearDown]
    public void TearDownNode()
    {
        Witness.Dispose();
        Inbox.Dispose();
        Node.Dispose();
    }
}
