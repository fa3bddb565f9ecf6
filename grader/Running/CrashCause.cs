namespace Grader.Running;

/// <summary>Puts into words why a test process died, from its exit code and what it wrote to stderr.</summary>
internal static class CrashCause
{
    /// <summary>For example "the test process exited with code 0 (Environment.Exit?)".</summary>
    public static string Describe(int? exitCode, string standardError)
    {
        if (standardError.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return "stack overflow: the test process died (infinite recursion?)";
        var unhandled = standardError.ReplaceLineEndings("\n").Split('\n')
            .FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal));
        if (unhandled is not null)
            return $"an unhandled exception on another thread ended the test process: {unhandled["Unhandled exception.".Length..].Trim()}";
        if (standardError.Contains("OutOfMemory", StringComparison.Ordinal))
            return "the test process ran out of memory";
        return exitCode switch
        {
            null => "the test process stopped without an exit code",
            0 => "the test process exited with code 0 (Environment.Exit?)",
            _ => $"the test process exited with code {exitCode} (Environment.Exit or a crash?)",
        };
    }
}
