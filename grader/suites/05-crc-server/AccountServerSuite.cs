using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace CrcServer.Hidden;

/// <summary>The callbacks: construct in Init, reduce in the handlers, convert in the reply; no validation of their own.</summary>
public sealed class AccountServerSuite
{
    [Test]
    [Property("Step", 2)]
    public void A_request_outside_the_protocol_crashes_the_callback_with_a_clear_error()
    {
        var callbacks = new AccountServer("5");
        var account = callbacks.Init();

        Assert.That(() => callbacks.HandleCall(null!, account),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("request"),
            "Step 2: a null call must make HandleCall throw ArgumentException naming its request parameter");
        Assert.That(() => callbacks.HandleCast(null!, account),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("request"),
            "Step 2: a null cast must make HandleCast throw ArgumentException naming its request parameter");
    }

    [Test]
    [Property("Step", 2)]
    public void The_callbacks_are_pure_functions_of_the_core()
    {
        var random = Seeded.Random();
        var callbacks = new AccountServer("20.00");
        var account = callbacks.Init();
        Assert.That(account, Is.EqualTo(Account.Open("20.00")), "Step 2: Init must return the account Account.Open makes of the opening balance");

        for (var i = 0; i < 100; i++)
        {
            var amount = random.Amount(3_000);
            switch (random.Next(5))
            {
                case 0:
                {
                    var (reply, next) = callbacks.HandleCall(new AccountCall.Deposit(amount), account);
                    var expected = account.Apply(new Deposit(amount));
                    Assert.That(next, Is.EqualTo(expected), "Step 2: a deposit call must return the account the core's Apply gives");
                    Assert.That(reply, Is.EqualTo(new AccountReply.Balance(expected.Balance)),
                        "Step 2: a deposit call must reply Balance with the new balance");
                    account = next;
                    break;
                }

                case 1:
                {
                    var (reply, next) = callbacks.HandleCall(new AccountCall.Withdraw(amount), account);
                    if (amount > account.Balance)
                    {
                        Assert.That(reply, Is.EqualTo(new AccountReply.InsufficientFunds(account.Balance, amount)),
                            "Step 2: an overdraft must reply InsufficientFunds(balance, amount), not throw (see README, step 3)");
                        Assert.That(next, Is.SameAs(account), "a refused withdrawal keeps the very same account");
                    }
                    else
                    {
                        var expected = account.Apply(new Withdrawal(amount));
                        Assert.That(next, Is.EqualTo(expected), "Step 2: a withdraw call must return the account the core's Apply gives");
                        Assert.That(reply, Is.EqualTo(new AccountReply.Balance(expected.Balance)),
                            "Step 2: a withdraw call must reply Balance with the new balance");
                    }

                    account = next;
                    break;
                }

                case 2:
                {
                    var next = callbacks.HandleCast(new AccountCast.Deposit(amount), account);
                    Assert.That(next, Is.EqualTo(account.Apply(new Deposit(amount))),
                        "Step 2: a deposit cast must return the account the core's Apply gives");
                    account = next;
                    break;
                }

                case 3:
                {
                    var (reply, next) = callbacks.HandleCall(new AccountCall.GetBalance(), account);
                    Assert.That(reply, Is.EqualTo(new AccountReply.Balance(account.Balance)),
                        "Step 2: GetBalance must reply Balance with the current balance");
                    Assert.That(next, Is.SameAs(account), "Step 2: GetBalance must keep the very same account");
                    break;
                }

                default:
                {
                    var (reply, next) = callbacks.HandleCall(new AccountCall.GetStatement(), account);
                    Assert.That(reply, Is.EqualTo(new AccountReply.Statement(account.Statement())),
                        "Step 2: GetStatement must reply the core's Statement()");
                    Assert.That(next, Is.SameAs(account), "Step 2: GetStatement must keep the very same account");
                    break;
                }
            }
        }
    }

    [Test]
    [Property("Step", 1)]
    public void Init_opens_from_the_opening_balance_each_time_and_never_from_a_later_state()
    {
        var callbacks = new AccountServer("7.25");
        var first = callbacks.Init();
        callbacks.HandleCall(new AccountCall.Deposit(1m), first);

        Assert.That(callbacks.Init(), Is.EqualTo(Account.Open("7.25")),
            "Step 1: Init must open a fresh account from the opening balance every time, never reuse a later state");
    }

    [Test]
    [Property("Step", 3)]
    public void Bad_amounts_escape_from_every_handler_as_the_cores_exception()
    {
        var random = Seeded.Random();
        var callbacks = new AccountServer("100");
        var account = callbacks.Init();

        for (var i = 0; i < 20; i++)
        {
            var bad = random.BadAmount();
            Assert.That(() => callbacks.HandleCall(new AccountCall.Deposit(bad), account), Throws.TypeOf<ArgumentOutOfRangeException>(), $"deposit {bad}");
            Assert.That(() => callbacks.HandleCall(new AccountCall.Withdraw(bad), account), Throws.TypeOf<ArgumentOutOfRangeException>(), $"withdraw {bad}");
            Assert.That(() => callbacks.HandleCast(new AccountCast.Deposit(bad), account), Throws.TypeOf<ArgumentOutOfRangeException>(), $"cast {bad}");
        }
    }

    [Test]
    [Property("Step", 3)]
    public void A_bad_amount_larger_than_the_balance_is_still_bad_input_not_a_refusal()
    {
        var callbacks = new AccountServer("1.00");

        Assert.That(() => callbacks.HandleCall(new AccountCall.Withdraw(5.001m), callbacks.Init()),
            Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 3: 5.001 has too many decimals: the core's ArgumentOutOfRangeException must escape, not become a refusal");
    }

    [Test]
    [Property("Step", 2)]
    public void Stray_messages_of_any_kind_keep_the_account()
    {
        var callbacks = new AccountServer("3");
        var account = callbacks.Init().Apply(new Deposit(2m));

        foreach (var message in new object[] { "hi", 42, new AccountCall.Deposit(1m), new AccountCast.Deposit(-1m), account })
        {
            Assert.That(callbacks.HandleInfo(message, account), Is.SameAs(account), $"{message}");
        }
    }

    [Test]
    [Property("Step", 1)]
    public void The_constructor_refuses_null() =>
        Assert.That(() => new AccountServer(null!), Throws.ArgumentNullException,
            "Step 1: the constructor must refuse a null opening balance with ArgumentNullException");

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task On_a_server_an_overdraft_is_a_reply_and_a_bad_amount_a_crash(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new AccountServer("4.00")).WaitAsync(cancellationToken);

        for (var i = 0; i < 5; i++)
        {
            Assert.That(await server.CallAsync(new AccountCall.Withdraw(4.01m)).WaitAsync(cancellationToken),
                Is.EqualTo(new AccountReply.InsufficientFunds(4m, 4.01m)),
                "Step 3: an overdraft must be answered InsufficientFunds(4, 4.01), and the server must run on");
        }

        Assert.That(await server.CallAsync(new AccountCall.Withdraw(4m)).WaitAsync(cancellationToken), Is.EqualTo(new AccountReply.Balance(0m)),
            "Step 3: withdrawing the whole balance must be allowed and reply Balance(0)");
        var queued = Enumerable.Range(0, 5).Select(_ => server.CallAsync(new AccountCall.GetBalance())).ToArray();
        server.Cast(new AccountCast.Deposit(-0.01m));
        Assert.That(await Task.WhenAll(queued).WaitAsync(cancellationToken), Is.All.EqualTo(new AccountReply.Balance(0m)),
            "calls sent before the bad cast are answered");
        Assert.That(async () => await server.Completion.WaitAsync(cancellationToken), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 3: a bad cast amount must crash the server: Completion fails with ArgumentOutOfRangeException");
    }
}
