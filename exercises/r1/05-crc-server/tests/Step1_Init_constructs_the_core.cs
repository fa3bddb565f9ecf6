using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace CrcServer.Tests;

/// <summary>Step 1: construct. The server's Init opens the account; the constructor only remembers how.</summary>
public sealed class Step1_Init_constructs_the_core
{
    [Test]
    public void Init_opens_the_account_from_the_opening_balance()
    {
        var account = new AccountServer("12.50").Init();

        Assert.That(account.Balance, Is.EqualTo(12.50m), "Init should return Account.Open(openingBalance).");
        Assert.That(account.History, Is.Empty, "A freshly opened account has no transactions yet.");
        Assert.That(account, Is.Not.EqualTo(new AccountServer("12.00").Init()),
            "Each server opens the account from its own opening balance: another balance, another account.");
    }

    [Test]
    public void Init_opens_a_fresh_account_every_time_it_runs()
    {
        var server = new AccountServer("3.00");

        var first = server.Init();
        var second = server.Init();

        Assert.That(second, Is.EqualTo(first),
            "Init runs again at every restart and must build the same known good state each time.");

        // An account that went through a deposit and a withdrawal has the opening balance again, but a history:
        // it is not the known good state, and Init must not hand it out again.
        var used = first.Apply(new Deposit(1m)).Apply(new Withdrawal(1m));
        Assert.That(server.Init(), Is.Not.EqualTo(used),
            "Init must open a fresh account, with no history, not reuse one that has been used (see README, step 1).");
    }

    [Test]
    public void The_constructor_opens_nothing_so_a_bad_balance_fails_in_Init()
    {
        AccountServer? server = null;
        Assert.That(() => server = new AccountServer("not money"), Throws.Nothing,
            "The constructor only keeps the opening balance: the work of opening happens in Init, on the server.");

        Assert.That(() => new AccountServer(null!), Throws.ArgumentNullException,
            "A null opening balance is a bug in the caller: the constructor refuses it at once (see README, step 1).");
        Assert.That(() => server!.Init(), Throws.TypeOf<FormatException>().With.Message.Contains("not money"),
            "Init should open the account with Account.Open, which refuses text that is not an amount with a " +
            "FormatException that quotes the text: let it through as it is (see README, step 1).");
    }

    [Test]
    [CancelAfter(2000)]
    public void Starting_a_server_with_a_bad_opening_balance_fails(CancellationToken cancellationToken)
    {
        Assert.That(
            async () => await GenServer.StartAsync(new AccountServer("-5")).WaitAsync(cancellationToken),
            Throws.TypeOf<FormatException>(),
            "GenServer.StartAsync runs Init on the server and fails with Init's exception: no account, no server.");
    }
}
