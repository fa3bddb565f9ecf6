using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Hidden;

/// <summary>The bakery of given/ behaves as the README says, so what the learner observes is what it describes.</summary>
[Property("Step", 1)]
public sealed class BakerySuite : HiddenTest
{
    [Test]
    [CancelAfter(10_000)]
    public async Task The_cashier_records_each_sale_until_its_till_jams(CancellationToken cancellationToken)
    {
        await StartBakeryAsync(crashEvery: 3);
        var cashier = Named("cashier");
        var monitor = Inbox.Monitor(cashier);
        GenServer.Cast(Node, cashier, new Sale());
        GenServer.Cast(Node, cashier, new Sale());

        var sales = await CompletesAsync(Sys.GetStateAsync<int>(Node, cashier, cancellationToken: cancellationToken), "the cashier's state");
        var totals = await CompletesAsync(GenServer.CallAsync<(int Sales, int Loaves)>(Node, "ledger", "totals", cancellationToken: cancellationToken), "the ledger's totals");
        Assert.That((sales, totals), Is.EqualTo((2, (2, 0))), "two sales taken and recorded, no loaf (see README, given/)");

        GenServer.Cast(Node, cashier, new Sale());
        var down = await CompletesAsync(Inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor, cancellationToken: cancellationToken).AsTask(), "the cashier's crash on its third sale");
        Assert.That(down!.Reason, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("the till jammed on sale 3"), "(see README, given/)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_oven_bakes_one_loaf_per_permit_and_records_it(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        OvenPermits.Release(2);
        GenServer.Cast(Node, "oven", new Bake());
        GenServer.Cast(Node, "oven", new Bake());

        var loaves = await CompletesAsync(Sys.GetStateAsync<int>(Node, "oven", cancellationToken: cancellationToken), "the oven's state");
        var totals = await CompletesAsync(GenServer.CallAsync<(int Sales, int Loaves)>(Node, "ledger", "totals", cancellationToken: cancellationToken), "the ledger's totals");
        Assert.That((loaves, totals), Is.EqualTo((2, (0, 2))), "two loaves baked and recorded (see README, given/)");
    }

    [TestCase("cashier")]
    [TestCase("oven")]
    [TestCase("ledger")]
    [CancelAfter(10_000)]
    public async Task A_stray_cast_stops_a_worker_as_bad_cast(string name, CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        OvenPermits.Release(1); // an oven that took the stray cast for an order would bake it and live on
        var monitor = Inbox.Monitor(Named(name));

        GenServer.Cast(Node, name, "stray");

        await CompletesAsync(Inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor, cancellationToken: cancellationToken).AsTask(), $"the {name} stopping on a stray cast");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_ledger_refuses_a_record_by_anyone_else(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        var monitor = Inbox.Monitor(Named("ledger"));

        GenServer.Cast(Node, "ledger", new Recorded("thief"));

        await CompletesAsync(Inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor, cancellationToken: cancellationToken).AsTask(), "the ledger stopping on an unknown record");
    }
}
