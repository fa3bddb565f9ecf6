using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

/// <summary>A node on a fake clock, an inbox for the test, and bounded waits that name what they waited for.</summary>
public abstract class HiddenSwitch
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    protected static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(30);

    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected Node Node { get; private set; } = null!;

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

    protected static string[] NumbersFrom(int first, int count) => Enumerable.Range(first, count).Select(i => i.ToString()).ToArray();

    /// <summary>A switch with lines "100", "200", ... up to <paramref name="lines"/> of them.</summary>
    protected Task<Exchange> StartSwitchAsync(int lines = 6) =>
        StartSwitchAsync(Enumerable.Range(1, lines).Select(i => (100 * i).ToString()).ToArray());

    protected Task<Exchange> StartSwitchAsync(string[] numbers) =>
        WaitFor(Exchange.StartAsync(Node, numbers, RingTimeout), "Exchange.StartAsync (see README, step 1)");

    protected async Task<T> WaitFor<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what}; it never came.");
        }
        catch (Exception error) when (error is ProcessExitedException or NoProcessException or StartFailedException or CallTimeoutException)
        {
            Assert.Fail($"waiting for {what}: {error.GetType().Name}: {error.Message}");
        }

        throw new UnreachableException();
    }

    protected Task<object> ExitOf(Pid pid, string what) => WaitFor(Node.WaitForExitAsync(pid), $"{what} to exit");

    protected async Task<object> ExitReasonAsync(MonitorRef monitor, string what) =>
        (await WaitFor(Inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor).AsTask(), $"the DOWN of {what}"))!.Reason;

    protected Task<LineStatus> LineAsync(Exchange exchange, string number) =>
        WaitFor(exchange.LineStatusAsync(number), $"line {number}'s status");

    protected Task<CallStatus> CallAsync(Exchange exchange, Pid call) =>
        WaitFor(exchange.CallStatusAsync(call), $"call {call}'s status");

    /// <summary>A raw request to a line, as a call would send it.</summary>
    protected Task<T> AskLineAsync<T>(Exchange exchange, string number, object request) =>
        WaitFor(GenServer.CallAsync<T>(Node, exchange.Config.LineName(number), request), $"line {number}'s reply to {request}");

    /// <summary>A raw request to a call.</summary>
    protected Task<CallStatus> AskCallAsync(Pid call, object request) =>
        WaitFor(StateMachine.CallAsync<CallStatus>(Node, call, request, TimeSpan.FromSeconds(2)), $"call {call}'s reply to {request}");

    protected async Task<Pid> OffHookAsync(Exchange exchange, string number)
    {
        var line = await WaitFor(exchange.OffHookAsync(number), $"OffHookAsync({number})");
        Assert.That(line.State, Is.EqualTo(LineState.Engaged), $"off hook, idle line {number} is engaged in a new call (see README, step 2).");
        return line.Call!;
    }

    protected async Task<Pid> RingAsync(Exchange exchange, string caller, string callee)
    {
        var call = await OffHookAsync(exchange, caller);
        var dialled = await WaitFor(exchange.DialAsync(caller, callee), $"{caller} dialling {callee}");
        Assert.That(dialled, Is.EqualTo(new CallStatus(CallState.Ringing, caller, callee)), $"{caller} dialling idle {callee} rings it (see README, step 3).");
        return call;
    }

    protected async Task<Pid> ConnectAsync(Exchange exchange, string caller, string callee)
    {
        var call = await RingAsync(exchange, caller, callee);
        var answered = await WaitFor(exchange.AnswerAsync(callee), $"{callee} answering");
        Assert.That(answered, Is.EqualTo(new CallStatus(CallState.Connected, caller, callee)), $"{callee} answering connects the call (see README, step 4).");
        return call;
    }

    protected async Task ExpectIdleAsync(Exchange exchange, string number, string why) =>
        Assert.That(await LineAsync(exchange, number), Is.EqualTo(LineStatus.IdleLine(number)), $"line {number} is idle: {why}.");

    protected async Task ExpectInCallAsync(Exchange exchange, string number, LineState state, Pid call, string why) =>
        Assert.That(await LineAsync(exchange, number), Is.EqualTo(new LineStatus(number, state, call)), $"line {number}: {why}.");

    protected Task<IReadOnlyList<ChildInfo>> LineChildrenAsync(Exchange exchange) =>
        WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Config.Lines), "the lines supervisor's children");

    protected Task<IReadOnlyList<ChildInfo>> RootChildrenAsync(Exchange exchange) =>
        WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Supervisor), "the root's children");

    protected async Task<int> ActiveCallsAsync(Exchange exchange) =>
        (await WaitFor(DynamicSupervisor.CountChildrenAsync(Node, exchange.Config.Calls), "the calls supervisor's count")).Active;

    /// <summary>A process that stands in for a call in raw line requests; it lives until killed.</summary>
    protected Pid FakeCall() => Node.Spawn(async ctx => await ctx.ReceiveAsync<string>(s => s == "never"));
}
