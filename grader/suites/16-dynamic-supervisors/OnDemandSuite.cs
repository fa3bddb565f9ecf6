using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Hidden;

/// <summary>Step 1, thoroughly: arguments, random runners and entry lists, names in ordinal order, desks side by side.</summary>
public sealed class OnDemandSuite : HiddenTest
{
    protected override int Step => 1;

    [Property("Step", 1)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    [CancelAfter(10_000)]
    public void A_capacity_below_one_is_refused(int capacity, CancellationToken cancellationToken)
    {
        var processes = Node.ProcessCount;
        Assert.That(() => TimingDesk.StartAsync(Node, new HiddenEntryList(), capacity), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            $"Step 1: StartAsync refuses the capacity {capacity} with ArgumentOutOfRangeException {See}.");
        Assert.That(Node.ProcessCount, Is.EqualTo(processes), $"Step 1: a refused StartAsync starts no process {See}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_desk_of_capacity_one_runs_one_clock(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann"), capacity: 1);
        var clock = await GetOrStartAsync(desk, "ann");
        Assert.That(await ClocksAsync(await ClockSupervisorAsync(desk)), Is.EqualTo(new[] { clock }),
            $"Step 1: a capacity of one is allowed: the desk runs ann's clock {See}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Runners_are_listed_in_ordinal_order_of_their_names(CancellationToken cancellationToken)
    {
        var names = new[] { "bob", "Ann", "ann", "Émile", "Zoe", "zed", "a b" };
        var desk = await StartDeskAsync(new HiddenEntryList(names));
        foreach (var name in names)
        {
            await GetOrStartAsync(desk, name);
        }

        Assert.That(desk.Runners(), Is.EqualTo(names.Order(StringComparer.Ordinal)),
            $"Step 1: Runners() orders the names ordinally (StringComparer.Ordinal: capitals before small letters, accents last) {See}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Random_runners_get_a_clock_each_and_only_the_entered_ones(CancellationToken cancellationToken)
    {
        var random = Seeded.Random(out var seed);
        var pool = Enumerable.Range(0, random.Next(5, 12)).Select(i => $"runner{i}-{random.Next(1000)}").ToArray();
        var entered = pool.Where(_ => random.Next(3) > 0).ToHashSet();
        var entries = new HiddenEntryList([.. entered]);
        var desk = await StartDeskAsync(entries, capacity: pool.Length);
        var supervisor = await ClockSupervisorAsync(desk);
        var clocks = new Dictionary<string, Pid>();
        var refusals = new Dictionary<string, int>();

        for (var call = 0; call < 40; call++)
        {
            var runner = pool[random.Next(pool.Length)];
            if (entered.Contains(runner))
            {
                var clock = await GetOrStartAsync(desk, runner);
                if (clocks.TryGetValue(runner, out var known))
                {
                    Assert.That(clock, Is.EqualTo(known), $"Step 1: {runner} asked again gets the same clock (seed {seed}) {See}.");
                }

                clocks[runner] = clock;
            }
            else
            {
                var refused = await RefusalAsync<NotEnteredException>(desk.GetOrStartAsync(runner), $"GetOrStartAsync(\"{runner}\") (seed {seed})",
                    "A runner not on the entry list gets a NotEnteredException.");
                Assert.That(refused.Runner, Is.EqualTo(runner), $"Step 1: the NotEnteredException names {runner} (seed {seed}) {See}.");
                refusals[runner] = refusals.GetValueOrDefault(runner) + 1;
            }
        }

        Assert.That(await ClocksAsync(supervisor), Is.EquivalentTo(clocks.Values),
            $"Step 1: one clock runs per entered runner asked for, none for the others (seed {seed}) {See}.");
        Assert.That(desk.Runners(), Is.EqualTo(clocks.Keys.Order(StringComparer.Ordinal)), $"Step 1: Runners() lists them (seed {seed}) {See}.");
        foreach (var runner in pool)
        {
            Assert.That(desk.WhereIs(runner), Is.EqualTo(clocks.GetValueOrDefault(runner)), $"Step 1: WhereIs(\"{runner}\") (seed {seed}) {See}.");
            var expected = clocks.ContainsKey(runner) ? 1 : refusals.GetValueOrDefault(runner);
            Assert.That(entries.TimesAsked(runner), Is.EqualTo(expected),
                $"Step 1: the entry list is asked about an entered runner once (their first call), about a refused runner at every call; {runner} (seed {seed}) {See}.");
            if (clocks.TryGetValue(runner, out var clock))
            {
                Assert.That((await ReadAsync(clock, $"{runner}'s clock")).Runner, Is.EqualTo(runner), $"Step 1: {runner}'s clock times {runner} (seed {seed}) {See}.");
            }
        }
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_runner_refused_is_asked_about_again_next_time(CancellationToken cancellationToken)
    {
        var entries = new HiddenEntryList("ann");
        var desk = await StartDeskAsync(entries);
        for (var i = 0; i < 3; i++)
        {
            await RefusalAsync<NotEnteredException>(desk.GetOrStartAsync("zed"), "GetOrStartAsync(\"zed\")", "A runner not entered gets a NotEnteredException.");
        }

        Assert.That(entries.TimesAsked("zed"), Is.EqualTo(3), $"Step 1: a runner without a clock is asked about at every call {See}.");
        Assert.That(desk.Runners(), Is.Empty, $"Step 1: no clock runs {See}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Killing_one_desk_s_supervisor_leaves_another_desk_s_clocks_alone(CancellationToken cancellationToken)
    {
        var north = await StartDeskAsync(new HiddenEntryList("ann", "bob"));
        var south = await StartDeskAsync(new HiddenEntryList("ann", "bob"));
        var northAnn = Watch(await GetOrStartAsync(north, "ann"));
        var southAnn = await GetOrStartAsync(south, "ann");
        var southBob = await GetOrStartAsync(south, "bob");

        Node.Exit(await ClockSupervisorAsync(north), ExitReason.Kill);
        await ExitReasonAsync(northAnn, "the north desk's clock of ann");

        Assert.That(south.WhereIs("ann"), Is.EqualTo(southAnn), $"Step 1: the south desk's ann runs on: each desk has its own supervisor and names {See}.");
        Assert.That(south.WhereIs("bob"), Is.EqualTo(southBob), $"Step 1: the south desk's bob runs on {See}.");
        Assert.That(await ClocksAsync(await ClockSupervisorAsync(south)), Is.EquivalentTo(new[] { southAnn, southBob }),
            $"Step 1: the south desk's DynamicSupervisor still has its two clocks {See}.");
        Assert.That(north.WhereIs("ann"), Is.Null, $"Step 1: the north desk's ann is gone with its supervisor {See}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_runner_s_clock_is_a_worker_of_the_DynamicSupervisor(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);
        var clock = await GetOrStartAsync(desk, "ann");

        var children = await WithinAsync(DynamicSupervisor.WhichChildrenAsync(Node, supervisor), "the DynamicSupervisor's children");
        Assert.That(children.Select(c => (c.Pid, c.Type)), Is.EqualTo(new[] { ((Pid?)clock, ChildType.Worker) }),
            $"Step 1: the DynamicSupervisor's one child is ann's clock, a worker {See}.");
        Assert.That(Node.GetInfo(clock)?.Links, Does.Contain(supervisor), $"Step 1: ann's clock is linked to the DynamicSupervisor that started it {See}.");
    }
}
