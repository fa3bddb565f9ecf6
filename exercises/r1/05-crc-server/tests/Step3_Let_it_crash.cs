using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace CrcServer.Tests;

/// <summary>Step 3: business errors are replies; bad input crashes the server.</summary>
public sealed class Step3_Let_it_crash
{
    private static Task<Server<AccountCall, AccountReply, AccountCast>> StartAsync(string openingBalance) =>
        GenServer.StartAsync(new AccountServer(openingBalance));

    /// <summary>Unwraps a crash caused by an unfinished handler, so its "Step N" message shows here.</summary>
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
    public async Task Overdrawing_is_answered_with_a_reply_not_a_crash(CancellationToken cancellationToken)
    {
        var server = await StartAsync("12.50").WaitAsync(cancellationToken);

        var reply = await CallAsync(server, new AccountCall.Withdraw(20m), cancellationToken);

        Assert.That(reply, Is.EqualTo(new AccountReply.InsufficientFunds(12.50m, 20m)),
            "Not enough money is an expected answer: catch the core's InsufficientFundsException and reply with it.");
        Assert.That(server.IsAlive, Is.True, "A business error must not crash the server.");
        Assert.That(await CallAsync(server, new AccountCall.GetBalance(), cancellationToken),
            Is.EqualTo(new AccountReply.Balance(12.50m)), "A refused withdrawal leaves the account as it was.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_negative_amount_crashes_the_server(CancellationToken cancellationToken)
    {
        var server = await StartAsync("12.50").WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await CallAsync(server, new AccountCall.Withdraw(-5m), cancellationToken),
            "Do not validate in the server: the core throws on a negative amount, and the server should crash.");

        Assert.That(exited?.InnerException, Is.TypeOf<ArgumentOutOfRangeException>(),
            "The crash is the core's own ArgumentOutOfRangeException: do not catch it, do not wrap it.");
        Assert.That(exited?.Message, Does.Contain("ended"),
            "The ServerExitedException says that the server ended before it replied (see README, step 3).");
        Assert.That(server.IsAlive, Is.False, "The server crashed: it is no longer alive.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task An_amount_with_too_many_decimals_crashes_the_server(CancellationToken cancellationToken)
    {
        var server = await StartAsync("12.50").WaitAsync(cancellationToken);

        Assert.That(async () => await CallAsync(server, new AccountCall.Deposit(0.001m), cancellationToken),
            Throws.TypeOf<ServerExitedException>().With.InnerException.TypeOf<ArgumentOutOfRangeException>(),
            "A tenth of a cent is bad input: let the core's exception crash the server.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_bad_cast_crashes_the_server_too(CancellationToken cancellationToken)
    {
        var server = await StartAsync("12.50").WaitAsync(cancellationToken);

        server.Cast(new AccountCast.Deposit(0m));

        Assert.That(async () => await server.Completion.WaitAsync(cancellationToken),
            Throws.TypeOf<ArgumentOutOfRangeException>(),
            "A deposit of zero is bad input: the server's Completion should fail with the core's exception.");
    }
}
