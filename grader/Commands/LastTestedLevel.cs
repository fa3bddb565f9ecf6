using Grader.Course;

namespace Grader.Commands;

/// <summary>
/// The level of an exercise the learner last ran <c>dotnet test</c> (or built) in, from the newest file of its
/// build output (<c>bin/</c>, <c>obj/</c>). A level still exactly the starter's counts as not started, yet a learner
/// who has just run its tests expects <c>check</c> to grade it, not to say "not started".
/// </summary>
internal static class LastTestedLevel
{
    private static readonly string[] s_outputFolders = ["bin", "obj"];

    /// <summary>The level with the newest build output, or null when no level has any.</summary>
    public static LevelLocation? Find(ExerciseLocation location) =>
        location.Levels
            .Select(level => (level, built: NewestOutput(level.Directory)))
            .Where(x => x.built is not null)
            .OrderByDescending(x => x.built)
            .Select(x => x.level)
            .FirstOrDefault();

    private static DateTime? NewestOutput(string levelDirectory)
    {
        DateTime? newest = null;
        foreach (var folder in s_outputFolders.Select(f => Path.Combine(levelDirectory, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var written = File.GetLastWriteTimeUtc(file);
                if (newest is null || written > newest)
                    newest = written;
            }
        }

        return newest;
    }
}
