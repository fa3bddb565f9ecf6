using System;
using System.Collections.Generic;
using Otp;

namespace Applications;

/// <summary>
/// The shop's price list, a server registered as <see cref="Registered"/>. It depends on nothing. It answers
/// <see cref="PriceList"/> (any call) with its prices and crashes on <see cref="Crash"/> (any cast). It traps exits, so that its supervisor's
/// <c>shutdown</c> runs its Terminate; it reports <see cref="ChildStarted"/> and <see cref="ChildStopped"/> to the reporter.
/// </summary>
/// <param name="prices">The price of each item.</param>
/// <param name="reporter">Where lifecycle reports go; null for none.</param>
public sealed class Catalog(IReadOnlyDictionary<string, decimal> prices, Pid? reporter) : GenServer<IReadOnlyDictionary<string, decimal>>
{
    /// <summary>The name the catalog is registered under.</summary>
    public const string Registered = "catalog";

    /// <summary>The prices the catalog was started with.</summary>
    public IReadOnlyDictionary<string, decimal> Prices { get; } = prices ?? throw new ArgumentNullException(nameof(prices));

    /// <inheritdoc/>
    protected override InitResult<IReadOnlyDictionary<string, decimal>> Init()
    {
        Context.TrapExit = true; // so that a shutdown from the supervisor runs Terminate
        Report(new ChildStarted(Registered, Self));
        return Ok(Prices);
    }

    /// <inheritdoc/>
    protected override HandleResult<IReadOnlyDictionary<string, decimal>> HandleCall(object request, From from, IReadOnlyDictionary<string, decimal> state) =>
        Reply(state, state); // its one call is PriceList

    /// <inheritdoc/>
    protected override HandleResult<IReadOnlyDictionary<string, decimal>> HandleCast(object request, IReadOnlyDictionary<string, decimal> state) =>
        throw new InvalidOperationException($"The catalog was asked to crash ({request})."); // its one cast is Crash

    /// <inheritdoc/>
    protected override void Terminate(object reason, IReadOnlyDictionary<string, decimal> state) => Report(new ChildStopped(Registered, reason));

    private void Report(object message)
    {
        if (reporter is not null)
        {
            Context.Send(reporter, message);
        }
    }
}
