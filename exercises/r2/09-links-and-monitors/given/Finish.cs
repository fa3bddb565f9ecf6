namespace LinksAndMonitors;

/// <summary>Tells a <see cref="Worker"/> to finish its work: its body returns, so it exits with reason <c>normal</c>.</summary>
public sealed record Finish;
