using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace GenServers.Hidden;

/// <summary>A callback module the learner has never seen: a bank account with value-typed state, calls and replies.</summary>
public sealed class CustomModuleSuite
{
    private abstract record AccountCall;

    private sealed record Balance : AccountCall;

    private sealed record Withdraw(decimal Amount) : AccountCall;

    private sealed record Deposit(decimal Amount);

    private sealed record Audit;

    /// <summary>State: the balance and how many audits it has had. Replies: the balance after the call, or -1 when refused.</summary>
    private sealed class Account(decimal opening) : IGenServer<(decimal Balance, int Audits), AccountCall, decimal, Deposit>
    {
        public (decimal Balance, int Audits) Init() => (opening, 0);

        public (decimal Reply, (decimal Balance, int Audits) State) HandleCall(AccountCall request, (decimal Balance, int Audits) state) =>
            request switch
            {
                Balance => (state.Balance, state),
                Withdraw w when w.Amount <= state.Balance => (state.Balance - w.Amount, (state.Balance - w.Amount, state.Audits)),
                Withdraw => (-1m, state),
                _ => throw new ArgumentException($"unknown call {request}"),
            };

        public (decimal Balance, int Audits) HandleCast(Deposit request, (decimal Balance, int Audits) state) =>
            request.Amount > 0 ? (state.Balance + request.Amount, state.Audits) : throw new ArgumentOutOfRangeException(nameof(request));

        public (decimal Balance, int Audits) HandleInfo(object message, (decimal Balance, int Audits) state) =>
            message is Audit ? (state.Balance, state.Audits + 1) : state;
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(3)]
    [Property("Step", 3)]
    public async Task A_module_with_its_own_types_runs_on_the_same_server(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var opening = random.Next(0, 1000);
        var server = await GenServer.StartAsync(new Account(opening)).WaitAsync(cancellationToken);
        decimal model = opening;

        for (var i = 0; i < 100; i++)
        {
            var amount = random.Next(1, 200);
            switch (random.Next(4))
            {
                case 0:
                    server.Cast(new Deposit(amount));
                    model += amount;
                    break;
                case 1:
                    var expected = amount <= model ? model - amount : -1m;
                    model = amount <= model ? model - amount : model;
                    Assert.That(await server.CallAsync(new Withdraw(amount)).WaitAsync(cancellationToken), Is.EqualTo(expected),
                        "Step 3: a withdrawal must reply the new balance, or -1 when refused, from the state the casts left");
                    break;
                case 2:
                    server.Send(new Audit());
                    break;
                default:
                    Assert.That(await server.CallAsync(new Balance()).WaitAsync(cancellationToken), Is.EqualTo(model),
                        "Step 3: the balance must reflect every deposit cast and withdrawal call sent before it, in order");
                    break;
            }
        }

        Assert.That(await server.CallAsync(new Balance()).WaitAsync(cancellationToken), Is.EqualTo(model),
            "Step 3: the final balance must reflect every deposit cast and withdrawal call, in order");
        await server.StopAsync().WaitAsync(cancellationToken);
        Assert.That(server.Completion.IsCompletedSuccessfully, Is.True, "Step 3: StopAsync must end this module's server normally");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task A_bad_cast_crashes_the_custom_server_and_callers_learn_why(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Account(10), new FakeTimeProvider()).WaitAsync(cancellationToken);

        server.Cast(new Deposit(-5));
        var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await server.CallAsync(new Balance()).WaitAsync(cancellationToken),
            "Step 4: a call after a crashing cast must fail with ServerExitedException");

        Assert.That(exited?.InnerException, Is.TypeOf<ArgumentOutOfRangeException>(),
            "Step 4: the ServerExitedException must carry the cast's crash as its InnerException");
        Assert.That(async () => await server.Completion.WaitAsync(cancellationToken), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 4: Completion must fail with the exception the cast threw");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task A_module_that_ignores_a_message_keeps_its_state(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Account(7)).WaitAsync(cancellationToken);

        server.Send("not for me");
        server.Send(new Audit());

        Assert.That(await server.CallAsync(new Balance()).WaitAsync(cancellationToken), Is.EqualTo(7m),
            "Step 3: the module changes no balance on a message: the balance must still be 7");
        Assert.That(server.IsAlive, Is.True, "Step 3: a message the module ignores must not end the server");
    }
}
