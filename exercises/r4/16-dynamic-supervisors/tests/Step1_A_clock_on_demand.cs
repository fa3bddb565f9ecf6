using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Tests;

/// <summary>Step 1: a runner's clock is started the first time it is asked for, under the desk's DynamicSupervisor, and found by name after that.</summary>
public sealed class Step1_A_clock_on_demand : DeskTest
{
    protected override int Step => 1;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_desk_starts_with_a_DynamicSupervisor_under_its_tree_and_no_clocks(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann"));

        var supervisor = await ClockSupervisorAsync(desk);
        Assert.That(await ClocksAsync(supervisor), Is.Empty,
            $"Step 1: a new desk runs no clock; clocks start on demand {See}.");
        Assert.That(desk.Runners(), Is.Empty, $"Step 1: a new desk knows no runner yet {See}.");
        Assert.That(desk.WhereIs("ann"), Is.Null, $"Step 1: no clock runs for ann before anyone asks for it {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_runner_gets_a_clock_of_their_own_under_the_DynamicSupervisor(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);

        var clock = await GetOrStartAsync(desk, "ann");

        Assert.That(Node.IsAlive(clock), Is.True, $"Step 1: GetOrStartAsync returns the pid of a clock that runs {See}.");
        Assert.That((await ReadAsync(clock, "ann's clock")).Runner, Is.EqualTo("ann"),
            $"Step 1: the clock returned for ann is a RunnerClock timing ann {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.EqualTo(new[] { clock }),
            $"Step 1: ann's clock is a child of the desk's DynamicSupervisor (DynamicSupervisor.StartChildAsync) {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(clock), $"Step 1: WhereIs(\"ann\") finds ann's clock by her name {See}.");
        Assert.That(desk.Runners(), Is.EqualTo(new[] { "ann" }), $"Step 1: Runners() lists ann, whose clock runs {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Asking_again_gives_the_same_clock_without_asking_the_entry_list_again(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries);

        var first = await GetOrStartAsync(desk, "ann");
        Clock.Advance(TimeSpan.FromSeconds(42));
        var second = await GetOrStartAsync(desk, "ann");

        Assert.That(second, Is.EqualTo(first), $"Step 1: asking again for a runner whose clock runs gives that clock, not a new one {See}.");
        Assert.That((await ReadAsync(second, "ann's clock")).Elapsed, Is.EqualTo(TimeSpan.FromSeconds(42)),
            $"Step 1: ann's clock kept running between the two calls {See}.");
        Assert.That(entries.Asked, Is.EqualTo(new[] { "ann" }),
            $"Step 1: the entry list is asked only about a runner without a clock: look the runner up by name first. It was asked about [{string.Join(", ", entries.Asked)}] {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Each_runner_gets_a_clock_of_their_own(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob", "cid"));
        var supervisor = await ClockSupervisorAsync(desk);

        var bob = await GetOrStartAsync(desk, "bob");
        var ann = await GetOrStartAsync(desk, "ann");

        Assert.That(ann, Is.Not.EqualTo(bob), $"Step 1: two runners get two clocks {See}.");
        Assert.That((await ReadAsync(ann, "ann's clock")).Runner, Is.EqualTo("ann"), $"Step 1: ann's clock times ann {See}.");
        Assert.That((await ReadAsync(bob, "bob's clock")).Runner, Is.EqualTo("bob"), $"Step 1: bob's clock times bob {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.EquivalentTo(new[] { ann, bob }),
            $"Step 1: both clocks are children of the desk's DynamicSupervisor {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(ann), $"Step 1: WhereIs(\"ann\") finds ann's clock {See}.");
        Assert.That(desk.WhereIs("bob"), Is.EqualTo(bob), $"Step 1: WhereIs(\"bob\") finds bob's clock {See}.");
        Assert.That(desk.WhereIs("cid"), Is.Null, $"Step 1: cid, entered but never asked for, has no clock {See}.");
        Assert.That(desk.Runners(), Is.EqualTo(new[] { "ann", "bob" }), $"Step 1: Runners() lists the runners with a clock, ordered by name {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_runner_not_entered_is_refused_and_no_clock_starts(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);

        var refused = await RefusalAsync<NotEnteredException>(desk.GetOrStartAsync("zed"), "GetOrStartAsync(\"zed\")",
            "A runner the entry list does not know gets a NotEnteredException.");

        Assert.That(refused.Runner, Is.EqualTo("zed"), $"Step 1: the NotEnteredException names the runner refused {See}.");
        Assert.That(refused.Message, Does.Contain("zed").And.Contain("not entered"), $"Step 1: its message says who was refused and why {See}.");
        Assert.That(entries.Asked, Is.EqualTo(new[] { "zed" }), $"Step 1: the desk asked the entry list about zed {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.Empty, $"Step 1: no clock starts for a runner who is not entered {See}.");
        Assert.That(desk.WhereIs("zed"), Is.Null, $"Step 1: zed has no clock {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_desks_on_one_node_keep_their_own_names(CancellationToken cancellationToken)
    {
        var north = await StartDeskAsync(new EntryList("ann"));
        var south = await StartDeskAsync(new EntryList("ann"));

        var northern = await GetOrStartAsync(north, "ann");
        var southern = await GetOrStartAsync(south, "ann");

        Assert.That(southern, Is.Not.EqualTo(northern), $"Step 1: each desk has its own registry: ann gets a clock at each desk {See}.");
        Assert.That(await ClocksAsync(await ClockSupervisorAsync(south)), Is.EqualTo(new[] { southern }),
            $"Step 1: each desk has its own DynamicSupervisor, under a name of its own desk's registry: the south desk's clock is its own child {See}.");
        Assert.That(north.WhereIs("ann"), Is.EqualTo(northern), $"Step 1: the north desk finds its own ann {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_desk_refuses_bad_arguments_before_starting_anything(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var processes = Node.ProcessCount;

        Assert.That(() => TimingDesk.StartAsync(null!, entries, 1), Throws.InstanceOf<ArgumentNullException>(),
            $"Step 1: StartAsync refuses a null node with ArgumentNullException {See}.");
        Assert.That(() => TimingDesk.StartAsync(Node, null!, 1), Throws.InstanceOf<ArgumentNullException>(),
            $"Step 1: StartAsync refuses a null entry list with ArgumentNullException {See}.");
        Assert.That(() => TimingDesk.StartAsync(Node, entries, 0), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            $"Step 1: StartAsync refuses a capacity below one with ArgumentOutOfRangeException {See}.");
        Assert.That(Node.ProcessCount, Is.EqualTo(processes), $"Step 1: a refused StartAsync starts no process {See}.");

        var desk = await StartDeskAsync(entries, capacity: 1);
        Assert.That(() => desk.GetOrStartAsync(null!), Throws.InstanceOf<ArgumentException>(),
            $"Step 1: GetOrStartAsync refuses a null name with an ArgumentException {See}.");
        Assert.That(() => desk.GetOrStartAsync(""), Throws.InstanceOf<ArgumentException>(),
            $"Step 1: GetOrStartAsync refuses an empty name with an ArgumentException {See}.");
        Assert.That(entries.Asked, Is.Empty, $"Step 1: a refused name is never asked about {See}.");
    }
}
