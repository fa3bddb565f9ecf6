namespace Grader.Running;

/// <summary>Puts into words why a test process died, from its exit code and what it wrote to stderr.</summary>
internal static class CrashCause
{
    /// <summary>For example "the test process exited with code 0 (Environment.Exit?)".</summary>
    public static string Describe(int? exitCode, string standardError, int memoryLimitMb)
    {
        if (standardError.Contains("OutOfMemory", StringComparison.Ordinal))
            return OutOfMemory(memoryLimitMb);
        if (standardError.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return "stack overflow: the test process died (infinite recursion?)";
        var terminated = standardError.ReplaceLineEndings("\n").Split('\n')
            .FirstOrDefault(l => l.StartsWith("Process terminated.", StringComparison.Ordinal));
        if (terminated is not null)
            return $"the test process was terminated (Environment.FailFast?): {terminated["Process terminated.".Length..].Trim()}";
        var unhandled = standardError.ReplaceLineEndings("\n").Split('\n')
            .FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal));
        if (unhandled is not null)
            return $"an unhandled exception on another thread ended the test process: {unhandled["Unhandled exception.".Length..].Trim()}";
        return exitCode switch
        {
            null => "the test process stopped without an exit code",
            0 => "the test process exited with code 0 (Environment.Exit?)",
            _ => $"the test process exited with code {exitCode} (Environment.Exit or a crash?)",
        };
    }

    /// <summary>What a test that hit the heap limit is told.</summary>
    public static string OutOfMemory(int memoryLimitMb) =>
        $"ran out of memory (limit {memoryLimitMb} MB): memory allocated without bound? (--memory-limit raises the limit)";

    /// <summary>True when a test's failure message is an <see cref="OutOfMemoryException"/>: the heap limit, not an assertion.</summary>
    public static bool IsOutOfMemory(string message) =>
        message.StartsWith("System.OutOfMemoryException", StringComparison.Ordinal)
        || message.StartsWith("OneTimeSetUp: System.OutOfMemoryException", StringComparison.Ordinal);
}
