using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

public sealed class TreeSuite : HiddenSwitch
{
    [Test]
    [Property("Step", 1)]
    public void StartAsync_checks_every_argument_before_starting_anything()
    {
        Assert.That(() => Exchange.StartAsync(null!, ["1"], RingTimeout), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"), "Step 1: Exchange.StartAsync should refuse a null node first");
        Assert.That(() => Exchange.StartAsync(Node, null!, RingTimeout), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("numbers"), "Step 1: Exchange.StartAsync should refuse null numbers");
        Assert.That(() => Exchange.StartAsync(Node, [], RingTimeout), Throws.ArgumentException.With.Property("ParamName").EqualTo("numbers")
            .And.Message.Contains("number"), "the message says what is wrong with the numbers (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, ["1", null!], RingTimeout), Throws.ArgumentException.With.Property("ParamName").EqualTo("numbers"), "Step 1: Exchange.StartAsync should refuse a null number among the numbers");
        Assert.That(() => Exchange.StartAsync(Node, [""], RingTimeout), Throws.ArgumentException.With.Property("ParamName").EqualTo("numbers"), "Step 1: Exchange.StartAsync should refuse an empty number");
        Assert.That(() => Exchange.StartAsync(Node, ["7", "8", "7"], RingTimeout), Throws.ArgumentException.With.Property("ParamName").EqualTo("numbers"), "Step 1: Exchange.StartAsync should refuse a number given twice");
        Assert.That(() => Exchange.StartAsync(Node, ["1"], TimeSpan.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("ringTimeout"), "Step 1: Exchange.StartAsync should refuse a negative ring time-out");
        Assert.That(() => Exchange.StartAsync(Node, ["1"], TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 1: Exchange.StartAsync should refuse a ring time-out of zero: it must be above zero");
        Assert.That(Node.ProcessCount, Is.EqualTo(1), "a refused start starts nothing (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task A_switch_of_one_line_and_a_tick_of_ring_time_works(CancellationToken cancellationToken)
    {
        var exchange = await WaitFor(Exchange.StartAsync(Node, ["42"], TimeSpan.FromTicks(1)), "a one-line switch");
        Assert.That(exchange.Config.RingTimeout, Is.EqualTo(TimeSpan.FromTicks(1)), "Step 3: the config should keep the ring time-out given to StartAsync");
        await ExpectIdleAsync(exchange, "42", "a new line");
        var call = await OffHookAsync(exchange, "42");
        Assert.That(await WaitFor(exchange.DialAsync("42", "42"), "dialling oneself"), Is.EqualTo(new CallStatus(CallState.Busy, "42", "42")), "Step 3: dialling your own number should give Busy");
        Assert.That(await LineAsync(exchange, "42"), Is.EqualTo(new LineStatus("42", LineState.Engaged, call)), "Step 3: after dialling itself the line should stay engaged in its own call");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task Numbers_are_any_distinct_strings_and_the_lines_start_in_the_order_given(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var numbers = Enumerable.Range(0, random.Next(2, 30)).Select(i => $"+{random.Next(1000)}-{i}").OrderBy(_ => random.Next()).ToArray();
        var exchange = await StartSwitchAsync(numbers);

        var children = await LineChildrenAsync(exchange);
        Assert.That(children.Select(c => c.Id).Reverse(), Is.EqualTo(numbers), "the lines start in the order given, ids the numbers (see README, step 1).");
        Assert.That(children.Select(c => c.Type), Has.All.EqualTo(ChildType.Worker), "Step 1: every line should be a worker");
        foreach (var number in numbers)
        {
            await ExpectIdleAsync(exchange, number, "a new line");
            Assert.That(Node.GetInfo(exchange.WhereIs(number)!)!.Parent, Is.EqualTo(exchange.Config.Lines.WhereIs(Node)),
                "each line is a child of the lines supervisor (see README, step 1).");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task The_tree_has_the_shape_of_the_README(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        Assert.That(Node.GetInfo(exchange.Supervisor)!.Behaviour, Is.EqualTo("supervisor"), "Step 1: the root should be a supervisor");
        Assert.That(Node.GetInfo(exchange.Config.Lines.WhereIs(Node)!)!.Behaviour, Is.EqualTo("supervisor"), "Step 1: the lines supervisor should be a supervisor");
        Assert.That(Node.GetInfo(exchange.Config.Lines.WhereIs(Node)!)!.Parent, Is.EqualTo(exchange.Supervisor), "Step 1: the lines supervisor should be a child of the root");
        Assert.That(Node.GetInfo(exchange.Config.Calls.WhereIs(Node)!)!.Parent, Is.EqualTo(exchange.Supervisor), "Step 1: the calls supervisor should be a child of the root");
        Assert.That(Node.GetInfo(Inbox.Self)!.Links, Is.Empty, "the switch is started without a link to its starter (see README, step 1).");
        var root = await WaitFor(Otp.Supervisor.GetChildSpecAsync(Node, exchange.Supervisor, "lines"), "the lines' spec");
        Assert.That(root.Type, Is.EqualTo(ChildType.Supervisor), "Step 1: the root's child \"lines\" should be of type supervisor");
        var calls = await WaitFor(Otp.Supervisor.GetChildSpecAsync(Node, exchange.Supervisor, "calls"), "the calls' spec");
        Assert.That(calls.Type, Is.EqualTo(ChildType.Supervisor), "Step 1: the root's child \"calls\" should be of type supervisor");
        var line = await WaitFor(Otp.Supervisor.GetChildSpecAsync(Node, exchange.Config.Lines, "100"), "a line's spec");
        Assert.That((line.Restart, line.Type), Is.EqualTo((RestartType.Permanent, ChildType.Worker)), "Step 1: each line should be a permanent worker");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task Two_switches_on_one_node_keep_to_themselves(CancellationToken cancellationToken)
    {
        var first = await StartSwitchAsync(["100", "200"]);
        var second = await StartSwitchAsync(["100", "200"]);

        Assert.That(first.WhereIs("100"), Is.Not.EqualTo(second.WhereIs("100")), "each switch has its own registry (see README, step 1).");
        var call = await ConnectAsync(first, "100", "200");
        await ExpectIdleAsync(second, "100", "the other switch's line 100 is in a call, not this one");
        Assert.That(await ActiveCallsAsync(second), Is.Zero, "Step 1: a call in one switch should not show in the other switch's calls supervisor");
        Assert.That(await ActiveCallsAsync(first), Is.EqualTo(1), "Step 1: the call connected in the first switch should be its calls supervisor's one child");
        Assert.That(Node.IsAlive(call), Is.True, "Step 1: the call connected in the first switch should be alive");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 2)]
    public async Task Unknown_numbers_fail_with_noproc_everywhere(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        Assert.That(exchange.WhereIs("nope"), Is.Null, "Step 2: WhereIs should give null for a number no line has");
        Assert.That(async () => await exchange.LineStatusAsync("nope").WaitAsync(TimeSpan.FromSeconds(2)), Throws.TypeOf<NoProcessException>(), "Step 2: LineStatusAsync for a number no line has should fail with NoProcessException");
        Assert.That(async () => await exchange.OffHookAsync("nope").WaitAsync(TimeSpan.FromSeconds(2)), Throws.TypeOf<NoProcessException>(), "Step 2: OffHookAsync for a number no line has should fail with NoProcessException");
        Assert.That(async () => await exchange.DialAsync("nope", "100").WaitAsync(TimeSpan.FromSeconds(2)), Throws.TypeOf<NoProcessException>(), "Step 2: DialAsync from a number no line has should fail with NoProcessException");
        Assert.That(async () => await exchange.CallStatusAsync(await DeadPidAsync()).WaitAsync(TimeSpan.FromSeconds(2)), Throws.TypeOf<NoProcessException>(), "Step 2: CallStatusAsync for a call that has exited should fail with NoProcessException");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_request_a_line_does_not_know_is_a_bad_call_and_the_line_comes_back(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var old = exchange.WhereIs("100")!;
        var down = Inbox.Monitor(old);

        Assert.That(async () => await GenServer.CallAsync<object>(Node, old, "what?", TimeSpan.FromSeconds(2)), Throws.TypeOf<ProcessExitedException>(),
            "an unknown request goes to base.HandleCallAsync: bad_call (see README, step 1).");
        await ExitReasonAsync(down, "the line after a bad call");
        await LineChildrenAsync(exchange);
        Assert.That(exchange.WhereIs("100"), Is.Not.Null.And.Not.EqualTo(old), "Step 1: after a bad call the lines supervisor should start line 100 again, under a new pid");
        await ExpectIdleAsync(exchange, "100", "restarted");
    }

    private async Task<Pid> DeadPidAsync()
    {
        var pid = Node.Spawn(_ => Task.CompletedTask);
        await Node.WaitForExitAsync(pid);
        return pid;
    }
}
