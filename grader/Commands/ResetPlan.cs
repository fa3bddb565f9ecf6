using Grader.Course;
using Spectre.Console;

namespace Grader.Commands;

/// <summary>What <c>reset</c> will do to one level folder: files to restore, files to put back, files to move aside.</summary>
internal sealed class ResetPlan
{
    private readonly CourseLayout _layout;
    private readonly LevelLocation _level;
    private readonly IReadOnlyDictionary<string, byte[]> _starters;

    private ResetPlan(CourseLayout layout, LevelLocation level, IReadOnlyDictionary<string, byte[]> starters,
        List<string> changed, List<string> missing, List<string> added)
    {
        _layout = layout;
        _level = level;
        _starters = starters;
        Changed = changed;
        Missing = missing;
        Added = added;
    }

    /// <summary>Starter files the learner changed (paths relative to <c>exercises/</c>).</summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>Starter files the learner deleted.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Files the learner added (build output excluded): moved aside, never deleted.</summary>
    public IReadOnlyList<string> Added { get; }

    public bool IsEmpty => Changed.Count == 0 && Missing.Count == 0 && Added.Count == 0;

    /// <summary>Compares the level folder with its starter files.</summary>
    public static ResetPlan For(CourseLayout layout, LevelLocation level, IReadOnlyDictionary<string, byte[]> starters)
    {
        var changed = new List<string>();
        var missing = new List<string>();
        foreach (var (relative, bytes) in starters)
        {
            var file = Path.Combine(layout.ExercisesDirectory, relative);
            if (!File.Exists(file))
                missing.Add(relative);
            else if (StarterSnapshot.Hash(file) != StarterSnapshot.Hash(bytes))
                changed.Add(relative);
        }

        var added = SourceFiles.All(level.Directory)
            .Select(f => SourceFiles.Relative(layout.ExercisesDirectory, f))
            .Where(r => !starters.ContainsKey(r))
            .ToList();
        return new ResetPlan(layout, level, starters, changed, missing, added);
    }

    /// <summary>Lists the plan on the console.</summary>
    public void Describe(IAnsiConsole console)
    {
        console.MarkupLine($"Resetting [bold]{Markup.Escape(_layout.RelativeToRoot(_level.Directory))}[/] to its starter:");
        foreach (var file in Changed)
            console.MarkupLine($"  restore  {Markup.Escape(file)} [grey](your version is kept in .grader/backup/)[/]");
        foreach (var file in Missing)
            console.MarkupLine($"  recreate {Markup.Escape(file)}");
        foreach (var file in Added)
            console.MarkupLine($"  move     {Markup.Escape(file)} [grey](yours, not a starter file: moved to .grader/backup/)[/]");
    }

    /// <summary>Backs up, then restores; returns the backup folder, or null when nothing needed backing up.</summary>
    public string? Apply(string backupRoot, TimeProvider time)
    {
        string? backup = null;
        if (Changed.Count > 0 || Added.Count > 0)
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            backup = Path.Combine(backupRoot, stamp);
            for (var n = 2; Directory.Exists(backup); n++)
                backup = Path.Combine(backupRoot, $"{stamp}-{n}"); // two resets in one second keep both backups
            foreach (var relative in Changed.Concat(Added))
            {
                var target = Path.Combine(backup, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(_layout.ExercisesDirectory, relative), target, overwrite: true);
            }
        }

        // Only after every file is safe: remove the added ones, write the starters.
        foreach (var relative in Added)
            File.Delete(Path.Combine(_layout.ExercisesDirectory, relative));
        foreach (var relative in Changed.Concat(Missing))
        {
            var file = Path.Combine(_layout.ExercisesDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, _starters[relative]);
        }

        return backup;
    }
}
