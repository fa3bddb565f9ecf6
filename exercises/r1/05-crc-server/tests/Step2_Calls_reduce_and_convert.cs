using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace CrcServer.Tests;

/// <summary>Step 2: reduce and convert. Each call applies the core, and the reply converts the new state.</summary>
public sealed class Step2_Calls_reduce_and_convert
{
    private static Task<Server<AccountCall, AccountReply, AccountCast>> StartAsync(string openingBalance) =>
        GenServer.StartAsync(new AccountServer(openingBalance));

    /// <summary>
    /// Calls the server; if the server crashed while handling the call, throws the crash itself, so that an
    /// unfinished handler shows its "Step N" message here.
    /// </summary>
    private static async Task<AccountReply> CallAsync(
        Server<AccountCall, AccountReply, AccountCast> server, AccountCall call, CancellationToken cancellationToken)
    {
        try
        {
            return await server.CallAsync(call).WaitAsync(cancellationToken);
        }
        catch (ServerExitedException exited) when (exited.InnerException is NotImplementedException unfinished)
        {
            throw unfinished;
        }
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_deposit_call_replies_with_the_new_balance(CancellationToken cancellationToken)
    {
        var server = await StartAsync("10.00").WaitAsync(cancellationToken);

        var reply = await CallAsync(server, new AccountCall.Deposit(2.50m), cancellationToken);

        Assert.That(reply, Is.EqualTo(new AccountReply.Balance(12.50m)),
            "Apply a Deposit to the account (reduce), then reply with the new balance (convert).");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_withdraw_call_replies_with_the_new_balance(CancellationToken cancellationToken)
    {
        var server = await StartAsync("10.00").WaitAsync(cancellationToken);

        var reply = await CallAsync(server, new AccountCall.Withdraw(4m), cancellationToken);

        Assert.That(reply, Is.EqualTo(new AccountReply.Balance(6m)), "Apply a Withdrawal, then reply with the new balance.");
        Assert.That(await CallAsync(server, new AccountCall.Withdraw(6m), cancellationToken), Is.EqualTo(new AccountReply.Balance(0m)),
            "Withdrawing the whole balance is allowed: the account may be emptied, it just may not go below zero.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task The_state_carries_from_one_call_to_the_next(CancellationToken cancellationToken)
    {
        var server = await StartAsync("1.00").WaitAsync(cancellationToken);

        await CallAsync(server, new AccountCall.Deposit(1m), cancellationToken);
        await CallAsync(server, new AccountCall.Withdraw(0.25m), cancellationToken);
        var reply = await CallAsync(server, new AccountCall.GetBalance(), cancellationToken);

        Assert.That(reply, Is.EqualTo(new AccountReply.Balance(1.75m)),
            "Return the account the core gave back as the new state, so the next call starts from it.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task GetStatement_replies_with_the_cores_statement(CancellationToken cancellationToken)
    {
        var server = await StartAsync("5.00").WaitAsync(cancellationToken);
        await CallAsync(server, new AccountCall.Deposit(10m), cancellationToken);
        await CallAsync(server, new AccountCall.Withdraw(2.50m), cancellationToken);

        var reply = await CallAsync(server, new AccountCall.GetStatement(), cancellationToken);

        Assert.That(reply, Is.EqualTo(new AccountReply.Statement("deposit 10.00\nwithdrawal 2.50\nbalance 12.50\n")),
            "Convert with the core's Statement(): do not write a second formatter in the server.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_cast_deposit_changes_the_balance_without_a_reply(CancellationToken cancellationToken)
    {
        var server = await StartAsync("0").WaitAsync(cancellationToken);

        server.Cast(new AccountCast.Deposit(7m));
        var reply = await CallAsync(server, new AccountCall.GetBalance(), cancellationToken);

        Assert.That(reply, Is.EqualTo(new AccountReply.Balance(7m)),
            "HandleCast applies the deposit; the call sent after it sees the result.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_stray_message_is_ignored(CancellationToken cancellationToken)
    {
        var server = await StartAsync("2.00").WaitAsync(cancellationToken);

        server.Send("hello?");
        var reply = await CallAsync(server, new AccountCall.GetBalance(), cancellationToken);

        Assert.That(reply, Is.EqualTo(new AccountReply.Balance(2m)),
            "HandleInfo should keep the account as it is: a stray message is no reason to lose it.");
    }

    [Test]
    public void A_request_outside_the_protocol_is_refused_with_ArgumentException()
    {
        var callbacks = new AccountServer("5.00");
        var account = callbacks.Init();

        Assert.That(() => callbacks.HandleCall(null!, account),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("request"),
            "Step 2: HandleCall(null) is a bug in the caller: throw an ArgumentException naming the request parameter, do not reply (see README, step 2).");
        Assert.That(() => callbacks.HandleCast(null!, account),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("request"),
            "Step 2: HandleCast(null) is a bug in the caller: throw an ArgumentException naming the request parameter (see README, step 2).");
    }
}
