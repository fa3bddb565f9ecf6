using System;

namespace LinksAndMonitors;

/// <summary>Tells a <see cref="Worker"/> to crash: it throws an <see cref="InvalidOperationException"/> whose message is <paramref name="Why"/>.</summary>
/// <param name="Why">The message of the exception, so that a test can tell one crash from another.</param>
public sealed record Crash(string Why);
