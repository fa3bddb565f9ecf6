using System;
using System.Globalization;

namespace FunctionalCore.Tests;

/// <summary>
/// Random inputs for the property tests. The visible tests always use the same seed, so a failure here fails the same
/// way every time you run it; the hidden tests use a new seed on every run.
/// </summary>
internal static class Arbitrary
{
    /// <summary>The seed of every visible property test.</summary>
    public const int Seed = 12345;

    /// <summary>How many random cases each visible property checks.</summary>
    public const int Cases = 300;

    /// <summary>A positive amount with at most two decimals, up to 1000.00.</summary>
    public static decimal Amount(Random random) => random.NextInt64(1, 100_001) / 100m;

    /// <summary>A deposit or a withdrawal (either may be refused by the account it is applied to).</summary>
    public static Transaction Transaction(Random random) =>
        random.Next(2) == 0 ? new Deposit(Amount(random)) : new Withdrawal(Amount(random));

    /// <summary>An account opened with a random balance from 0.00 to 1000.00.</summary>
    public static Account Account(Random random) =>
        FunctionalCore.Account.Open((random.NextInt64(0, 100_001) / 100m).ToString("0.00", CultureInfo.InvariantCulture));
}
