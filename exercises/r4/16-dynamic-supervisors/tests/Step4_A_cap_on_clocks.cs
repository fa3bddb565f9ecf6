using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Tests;

/// <summary>Step 4: the DynamicSupervisor runs at most the desk's capacity of clocks; a start beyond it is refused with a clear error.</summary>
public sealed class Step4_A_cap_on_clocks : DeskTest
{
    protected override int Step => 4;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_full_desk_refuses_a_new_runner_with_DeskFullException(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob", "cid"), capacity: 2);
        var supervisor = await ClockSupervisorAsync(desk);
        await GetOrStartAsync(desk, "ann");
        await GetOrStartAsync(desk, "bob");

        var full = await RefusalAsync<DeskFullException>(desk.GetOrStartAsync("cid"), "GetOrStartAsync(\"cid\") on a desk of capacity 2 running 2 clocks",
            "A desk at its capacity refuses a new runner with a DeskFullException.");

        Assert.That(full.Runner, Is.EqualTo("cid"), $"Step 4: the DeskFullException names the runner refused {See}.");
        Assert.That(full.Capacity, Is.EqualTo(2), $"Step 4: the DeskFullException names the desk's capacity {See}.");
        Assert.That(full.Message, Does.Contain("cid").And.Contain("2 clocks"), $"Step 4: its message names the runner and the capacity: {full.Message} {See}.");
        Assert.That(full.InnerException, Is.InstanceOf<SupervisorException>().With.Property(nameof(SupervisorException.Reason)).EqualTo(new Atom("max_children")),
            $"Step 4: the cap is the DynamicSupervisor's (MaxChildren), and its refusal, SupervisorException max_children, is the DeskFullException's inner exception; got {Describe(full.InnerException)} {See}.");
        Assert.That(await ClocksAsync(supervisor), Has.Count.EqualTo(2), $"Step 4: a full desk starts no third clock {See}.");
        Assert.That(desk.WhereIs("cid"), Is.Null, $"Step 4: cid has no clock {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_runner_with_a_clock_is_found_even_when_the_desk_is_full(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob"), capacity: 2);
        var ann = await GetOrStartAsync(desk, "ann");
        await GetOrStartAsync(desk, "bob");

        Assert.That(await GetOrStartAsync(desk, "ann"), Is.EqualTo(ann),
            $"Step 4: the cap limits new clocks only; a runner whose clock runs gets it, full desk or not {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_finished_runner_makes_room_for_a_new_one(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob"), capacity: 1);
        await GetOrStartAsync(desk, "ann");
        await RefusalAsync<DeskFullException>(desk.GetOrStartAsync("bob"), "GetOrStartAsync(\"bob\") on a full desk of capacity 1",
            "A desk at its capacity refuses a new runner with a DeskFullException.");

        await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\") to return");
        var bob = await GetOrStartAsync(desk, "bob");

        Assert.That((await ReadAsync(bob, "bob's clock")).Runner, Is.EqualTo("bob"),
            $"Step 4: once ann has finished, the desk has room for bob (the cap counts the clocks that run) {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_callers_racing_for_the_last_place_get_the_same_clock(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries, capacity: 1);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var callers = new[] { desk.GetOrStartAsync("ann"), desk.GetOrStartAsync("ann") };
        var first = await HeldQuestionAsync(entries, "the first caller to ask the entry list about ann", callers);
        var second = await HeldQuestionAsync(entries, "the second caller to ask about ann while the first still waits for its answer", callers);
        first.Release();
        var winner = await WithinAsync(await Task.WhenAny(callers), "the first caller's GetOrStartAsync(\"ann\") to return");
        second.Release();

        var both = await WithinAsync(Task.WhenAll(callers),
            "the second caller's GetOrStartAsync(\"ann\") to return (on a full desk its start fails with max_children, though ann has a clock now: look again)");
        Assert.That(both, Is.All.EqualTo(winner),
            $"Step 4: the loser of a race for the last place gets the winner's clock, not a DeskFullException: ann has a clock {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.EqualTo(new[] { winner }), $"Step 4: one clock runs, ann's {See}.");
    }
}
