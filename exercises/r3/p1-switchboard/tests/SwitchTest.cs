using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Switchboard.Tests;

/// <summary>
/// What every test shares: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>), a switch
/// on it, and bounded waits that say what they waited for. A wait lasts at most 2 s of real time (a working switch
/// needs milliseconds); a wait on a process that has died ends at once, naming the reason, since every call monitors
/// the process it calls.
/// </summary>
public abstract class SwitchTest
{
    /// <summary>How long a wait lasts before the test fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The ring time-out of the tests' switches.</summary>
    protected static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The numbers of the tests' switches (unless a test starts its own).</summary>
    protected static readonly string[] Numbers = ["100", "200", "300", "400", "500", "600"];

    /// <summary>The node's clock.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The node the switch runs on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The test itself, as a process: it monitors the processes whose exit reason a test checks.</summary>
    protected ProcessContext Inbox { get; private set; } = null!;

    /// <summary>The README step the fixture tests, named in every failure.</summary>
    protected abstract int Step { get; }

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
        Node.Dispose(); // kills whatever the test left running
    }

    /// <summary>Starts a switch with <see cref="Numbers"/> (or the numbers given).</summary>
    protected Task<Exchange> StartSwitchAsync(params string[] numbers) =>
        WaitFor(Exchange.StartAsync(Node, numbers.Length == 0 ? Numbers : numbers, RingTimeout), "Exchange.StartAsync to return the switch");

    /// <summary>Awaits <paramref name="task"/>; a time-out or a dead process fails the test, naming <paramref name="what"/> and the step.</summary>
    protected async Task<T> WaitFor<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never came (see README, step {Step}).");
        }
        catch (Exception error) when (error is ProcessExitedException or NoProcessException or StartFailedException or CallTimeoutException)
        {
            Assert.Fail($"Step {Step}: waiting for {what}, {Describe(error)} (see README, step {Step}).");
        }

        throw new UnreachableException();
    }

    /// <summary>Waits until <paramref name="pid"/> has exited (whatever the reason; noproc if it already had).</summary>
    protected Task<object> ExitOf(Pid pid, string what) => WaitFor(Node.WaitForExitAsync(pid), $"{what} to exit");

    /// <summary>Monitors <paramref name="pid"/> from the test's inbox, before the test makes it exit.</summary>
    protected MonitorRef Watching(Pid pid) => Inbox.Monitor(pid);

    /// <summary>Waits for the DOWN of <paramref name="monitor"/> and returns the exit reason it carries.</summary>
    protected async Task<object> ExitReasonAsync(MonitorRef monitor, string what)
    {
        var down = await WaitFor(Inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor).AsTask(), $"the DOWN of {what}");
        return down!.Reason;
    }

    /// <summary>The status of line <paramref name="number"/>.</summary>
    protected Task<LineStatus> LineAsync(Exchange exchange, string number) =>
        WaitFor(exchange.LineStatusAsync(number), $"line {number}'s status");

    /// <summary>The status of <paramref name="call"/>.</summary>
    protected Task<CallStatus> CallAsync(Exchange exchange, Pid call) =>
        WaitFor(exchange.CallStatusAsync(call), $"the status of call {call}");

    /// <summary>Lifts the handset at <paramref name="number"/> and returns the new call, failing unless the line is engaged in it.</summary>
    protected async Task<Pid> OffHookAsync(Exchange exchange, string number)
    {
        var line = await WaitFor(exchange.OffHookAsync(number), $"OffHookAsync(\"{number}\")");
        if (line is not { State: LineState.Engaged, Call: not null })
        {
            Assert.Fail($"Step {Step}: off hook, idle line {number} starts a call and is engaged in it (step 2); it answered {line} (see README, step 2).");
        }

        return line.Call!;
    }

    /// <summary>Makes a connected call from <paramref name="caller"/> to <paramref name="callee"/>, checking each step on the way.</summary>
    protected async Task<Pid> ConnectAsync(Exchange exchange, string caller, string callee)
    {
        var call = await OffHookAsync(exchange, caller);
        var dialled = await WaitFor(exchange.DialAsync(caller, callee), $"DialAsync(\"{caller}\", \"{callee}\")");
        if (dialled?.State != CallState.Ringing)
        {
            Assert.Fail($"Step {Step}: {caller} dialling idle line {callee} rings it (step 3); the call answered {Show(dialled)} (see README, step 3).");
        }

        var answered = await WaitFor(exchange.AnswerAsync(callee), $"AnswerAsync(\"{callee}\")");
        if (answered?.State != CallState.Connected)
        {
            Assert.Fail($"Step {Step}: {callee} answering the call that rings it connects it (step 4); the call answered {Show(answered)} (see README, step 4).");
        }

        return call;
    }

    /// <summary>The children of the lines' supervisor (a call to it: it answers once it has handled every exit before).</summary>
    protected Task<System.Collections.Generic.IReadOnlyList<ChildInfo>> LineChildrenAsync(Exchange exchange) =>
        WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Config.Lines), "the lines supervisor's WhichChildrenAsync");

    /// <summary>A null-safe text for a status.</summary>
    protected static string Show(object? status) => status?.ToString() ?? "null";

    /// <summary>Fails unless line <paramref name="number"/> is idle, naming <paramref name="why"/>.</summary>
    protected async Task ExpectIdleAsync(Exchange exchange, string number, string why)
    {
        var line = await LineAsync(exchange, number);
        Assert.That(line, Is.EqualTo(LineStatus.IdleLine(number)), $"Step {Step}: line {number} is idle again: {why} (see README, step {Step}).");
    }

    private static string Describe(Exception error) => error switch
    {
        ProcessExitedException { Reason: Exception crash } => $"the process called crashed: {crash.GetType().Name}: {crash.Message}",
        ProcessExitedException exited => $"the process called exited with reason {exited.Reason}",
        NoProcessException missing => $"no process answered to {missing.Target} (not alive, or no line has that number)",
        StartFailedException { Reason: Exception crash } => $"the start failed: {crash.GetType().Name}: {crash.Message}",
        StartFailedException failed => $"the start failed with reason {failed.Reason}",
        _ => $"a call timed out: {error.Message}",
    };
}
