namespace Grader.Building;

/// <summary>What to compile for one level: names, sources of assembly A and of the hidden suite (B).</summary>
internal sealed record BuildRequest(
    string AssemblyName,
    IReadOnlyList<string> Sources,
    string HiddenAssemblyName,
    IReadOnlyList<string> HiddenSources);
