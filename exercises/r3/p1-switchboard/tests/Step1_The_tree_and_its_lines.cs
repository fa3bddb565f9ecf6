using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Tests;

/// <summary>Step 1: a supervision tree with a GenServer per line, each found by its number in a registry.</summary>
public sealed class Step1_The_tree_and_its_lines : SwitchTest
{
    protected override int Step => 1;

    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_starts_one_idle_line_per_number_found_by_its_number(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();

        var pids = Numbers.Select(exchange.WhereIs).ToList();
        Assert.That(pids, Is.All.Not.Null, "Step 1: WhereIs(number) finds the line of every number, in the switch's registry (see README, step 1).");
        Assert.That(pids, Is.Unique, "Step 1: every number has a line process of its own (see README, step 1).");
        foreach (var number in Numbers)
        {
            Assert.That(await LineAsync(exchange, number), Is.EqualTo(new LineStatus(number, LineState.Idle, null)),
                $"Step 1: line {number} starts idle, with no call, and knows its number (see README, step 1).");
        }

        Assert.That(Node.GetInfo(pids[0]!)!.Behaviour, Is.EqualTo("gen_server"), "Step 1: a line is a GenServer (see README, step 1).");
        Assert.That(exchange.Node, Is.SameAs(Node), "Step 1: the switch keeps the node it runs on (see README, step 1).");
        Assert.That(exchange.Config.RingTimeout, Is.EqualTo(RingTimeout), "Step 1: the switch's config holds the ring time-out given (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_root_supervises_the_calls_and_the_lines_one_for_one(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();

        var top = await WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Supervisor), "the root supervisor's WhichChildrenAsync");
        Assert.That(top.Select(c => c.Id), Is.EqualTo(new object[] { "lines", "calls" }),
            "Step 1: the root has two children, \"calls\" started first and \"lines\" second (WhichChildren lists the newest first) (see README, step 1).");
        Assert.That(top.Select(c => c.Type), Has.All.EqualTo(ChildType.Supervisor), "Step 1: both children of the root are supervisors (see README, step 1).");
        Assert.That(top[1].Pid, Is.EqualTo(exchange.Config.Calls.WhereIs(Node)),
            "Step 1: the calls supervisor is registered as Config.Calls (see README, step 1).");
        Assert.That(top[0].Pid, Is.EqualTo(exchange.Config.Lines.WhereIs(Node)),
            "Step 1: the lines supervisor is registered as Config.Lines (see README, step 1).");
        Assert.That(Node.GetInfo(top[1].Pid!)!.Behaviour, Is.EqualTo("dynamic_supervisor"),
            "Step 1: the calls are under a DynamicSupervisor: they come and go (see README, step 1).");
        Assert.That(await WaitFor(DynamicSupervisor.CountChildrenAsync(Node, exchange.Config.Calls), "the calls supervisor's count"),
            Is.EqualTo(new ChildCounts(0, 0, 0, 0)), "Step 1: no call before anyone lifts a handset (see README, step 1).");

        var lines = await LineChildrenAsync(exchange);
        Assert.That(lines.Select(c => c.Id), Is.EqualTo(Numbers.Reverse()),
            "Step 1: the lines supervisor has one child per number, started in the order given, each with its number as id (see README, step 1).");
        Assert.That(lines.Select(c => c.Pid), Is.EqualTo(Numbers.Reverse().Select(exchange.WhereIs)),
            "Step 1: each child of the lines supervisor is the line registered under its number (see README, step 1).");
        var spec = await WaitFor(Otp.Supervisor.GetChildSpecAsync(Node, exchange.Config.Lines, Numbers[0]), "a line's child spec");
        Assert.That(spec.Restart, Is.EqualTo(RestartType.Permanent), "Step 1: a line is permanent: it always comes back (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_number_no_line_has_fails_with_noproc(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync("100");

        Assert.That(exchange.WhereIs("999"), Is.Null, "Step 1: WhereIs of a number no line has is null (see README, step 1).");
        Assert.That(async () => await exchange.LineStatusAsync("999").WaitAsync(TimeSpan.FromSeconds(2)), Throws.TypeOf<NoProcessException>(),
            "Step 1: LineStatusAsync calls the line by its via-name: no such line, NoProcessException (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_request_a_line_does_not_know_is_a_bad_call_and_the_line_is_started_again(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var line = exchange.WhereIs("100")!;
        var down = Watching(line);

        Assert.That(async () => await GenServer.CallAsync<object>(Node, line, "what?", TimeSpan.FromSeconds(2)), Throws.TypeOf<ProcessExitedException>(),
            "Step 1: a request the line does not know goes to base.HandleCallAsync, which stops the line with bad_call (see README, step 1).");
        await ExitReasonAsync(down, "line 100 after a bad call");
        await LineChildrenAsync(exchange); // answered once the lines supervisor has handled the EXIT
        Assert.That(exchange.WhereIs("100"), Is.Not.Null.And.Not.EqualTo(line),
            "Step 1: a line is permanent: its supervisor starts it again under the same number (see README, step 1).");
        Assert.That(await LineAsync(exchange, "100"), Is.EqualTo(LineStatus.IdleLine("100")), "Step 1: a line starts idle (see README, step 1).");
    }

    [Test]
    public void StartAsync_refuses_missing_or_impossible_arguments()
    {
        Assert.That(() => Exchange.StartAsync(null!, [], TimeSpan.Zero), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"),
            "Step 1: no node: ArgumentNullException naming node, checked first (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, null!, TimeSpan.Zero), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("numbers"),
            "Step 1: no numbers: ArgumentNullException naming numbers (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, [], RingTimeout), Throws.ArgumentException.With.Message.Contains("number"),
            "Step 1: a switch has at least one line; the message says what is wrong with the numbers (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, ["100", ""], RingTimeout), Throws.ArgumentException, "Step 1: a number is not empty (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, ["100", "200", "100"], RingTimeout), Throws.ArgumentException,
            "Step 1: no two lines have the same number (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, Numbers, TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 1: the ring time-out is more than zero (see README, step 1).");
        Assert.That(Node.ProcessCount, Is.EqualTo(1), "Step 1: a refused start starts nothing: the test's inbox is the only process (see README, step 1).");
    }
}
