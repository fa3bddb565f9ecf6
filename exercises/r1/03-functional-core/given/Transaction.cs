namespace FunctionalCore;

/// <summary>
/// A message the core reduces into an account: a <see cref="Deposit"/> or a <see cref="Withdrawal"/>.
/// In Elixir these would be tuples such as <c>{:deposit, 1250}</c> matched by the clauses of a reducer; in C# they are
/// immutable records matched by a <c>switch</c>, so the whole protocol of the core is visible in three small types.
/// </summary>
public abstract record Transaction;
