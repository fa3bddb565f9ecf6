namespace Supervisors;

/// <summary>A call to the <see cref="SearchIndex"/>: the pid of the archive it loaded its catalogue from.</summary>
public sealed record LoadedFrom;
