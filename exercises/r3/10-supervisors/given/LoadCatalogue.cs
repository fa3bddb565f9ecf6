namespace Supervisors;

/// <summary>A call to the <see cref="Archive"/>: its catalogue (the reply names the archive it came from).</summary>
public sealed record LoadCatalogue;
