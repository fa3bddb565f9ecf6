using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Kit.Testing;

/// <summary>
/// The course as committed, copied once per test run into a temporary folder: the kit's own tests grade, build and
/// read that copy, never the working tree. A learner's work in progress (edited levels, new files, half-written
/// code, build outputs in <c>exercises/</c>) therefore cannot change a kit test's verdict, and no kit test writes into
/// the learner's folders. The copy is <c>git archive HEAD</c>; where the course is not a git checkout (a downloaded
/// zip) it is the working tree without build outputs, and the run says so. In the copy, every level and visible-test
/// folder holds the starters as shipped (<c>grader/starters.zip</c>), so a learner who commits their work on a level
/// still gets a green run: what differed is listed in <see cref="StartersChangedSinceShipped"/> (a maintainer's run makes
/// that a failure, see <c>ManifestTests</c>). With <c>KIT_COURSE_ROOT</c> set, that folder is the course (no copy, no
/// overlay): how a test runs the kit's checks on a course it made, e.g. one that <c>grader new</c> changed.
/// </summary>
internal static class CommittedCourse
{
    private static readonly string[] s_buildOutputs = ["bin", "obj", ".git", ".grader", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules"];
    private static readonly Lazy<string> s_root = new(Create);
    private static readonly List<string> s_startersChanged = [];

    /// <summary>The working tree this test run was built from (the folder holding course.json).</summary>
    public static string WorkingTree { get; } = FindWorkingTree();

    /// <summary>The committed course's root (created on first use; removed when the test process exits).</summary>
    public static string Root => s_root.Value;

    /// <summary>
    /// The files (relative to <c>exercises/</c>) in which the committed level and visible-test folders differ from the
    /// starters as shipped in <c>grader/starters.zip</c>: a learner's committed work, or a maintainer's starter change
    /// not yet snapshotted with <c>grader starters --update</c>. The copy holds the shipped version of each.
    /// </summary>
    public static IReadOnlyList<string> StartersChangedSinceShipped
    {
        get
        {
            _ = Root;
            return s_startersChanged;
        }
    }

    /// <summary>A path inside the committed copy.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// A fresh, private copy of the committed course for a test that changes files (a simulated pull request, an edited
    /// level). The caller deletes it, with <see cref="Delete"/>.
    /// </summary>
    public static string NewCopy()
    {
        var target = Directory.CreateTempSubdirectory("kit-course-").FullName;
        CopyTree(Root, target, skip: []);
        return target;
    }

    /// <summary>Deletes a copy, whatever is in it (read-only files included); a leftover is reported, not thrown.</summary>
    public static void Delete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException e)
        {
            // A process the test started may still be writing its last file; the folder is under the system's temp folder.
            Console.Error.WriteLine($"Could not remove the temporary copy {folder}: {e.Message}");
        }
    }

    private static string Create()
    {
        if (Environment.GetEnvironmentVariable("KIT_COURSE_ROOT") is { Length: > 0 } given)
        {
            return Path.GetFullPath(given);
        }

        var target = Directory.CreateTempSubdirectory("kit-committed-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(target);
        if (!TryArchiveHead(target))
        {
            Console.Error.WriteLine($"{WorkingTree} is not a git checkout: the kit's tests read its working tree (without build outputs).");
            CopyTree(WorkingTree, target, s_buildOutputs);
        }

        s_startersChanged.AddRange(RestoreShippedStarters(target));
        return target;
    }

    /// <summary>
    /// Puts the shipped starters and visible tests (<c>grader/starters.zip</c>) in place of the copy's: each folder the
    /// archive has files for (a level, or an exercise's <c>tests/</c>) ends up holding exactly the archive's files.
    /// Returns every file that differed, was added or was missing (relative to <c>exercises/</c>).
    /// </summary>
    public static List<string> RestoreShippedStarters(string root)
    {
        var changed = new List<string>();
        var archivePath = Path.Combine(root, "grader", "starters.zip");
        if (!File.Exists(archivePath))
        {
            return changed; // a course without a snapshot (e.g. a test's fixture): nothing is shipped to restore
        }

        var exercises = Path.Combine(root, "exercises");
        using var archive = ZipFile.OpenRead(archivePath);
        var shipped = archive.Entries.Where(e => e.Name.Length > 0).ToDictionary(e => e.FullName, StringComparer.Ordinal);
        // A starter folder is an entry's first three segments: release/exercise/(level or tests).
        var folders = shipped.Keys.Select(k => string.Join('/', k.Split('/').Take(3))).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var onDisk = Path.Combine(exercises, folder);
            if (!Directory.Exists(onDisk))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(onDisk, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(exercises, file).Replace('\\', '/');
                if (!shipped.ContainsKey(relative))
                {
                    changed.Add(relative + " (not shipped)");
                    File.Delete(file);
                }
            }
        }

        foreach (var (relative, entry) in shipped)
        {
            var file = Path.Combine(exercises, relative);
            byte[] content;
            using (var stream = entry.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                content = copy.ToArray();
            }

            if (!File.Exists(file))
            {
                changed.Add(relative + " (missing)");
            }
            else if (!WithoutCarriageReturns(File.ReadAllBytes(file)).SequenceEqual(WithoutCarriageReturns(content)))
            {
                changed.Add(relative + " (changed)");
            }
            else
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, content);
        }

        return changed;
    }

    private static bool TryArchiveHead(string target)
    {
        if (!Directory.Exists(Path.Combine(WorkingTree, ".git")) && !File.Exists(Path.Combine(WorkingTree, ".git")))
        {
            return false;
        }

        var start = new ProcessStartInfo("git") { WorkingDirectory = WorkingTree, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "archive", "--format=tar", "HEAD" })
        {
            start.ArgumentList.Add(argument);
        }

        Process git;
        try
        {
            git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no git on PATH
        }

        using (git)
        {
            var errors = git.StandardError.ReadToEndAsync();
            TarFile.ExtractToDirectory(git.StandardOutput.BaseStream, target, overwriteFiles: true);
            if (!git.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                git.Kill(entireProcessTree: true);
                throw new TimeoutException("git archive HEAD did not finish within 2 minutes.");
            }

            if (git.ExitCode != 0)
            {
                throw new InvalidOperationException($"git archive HEAD failed in {WorkingTree}: {errors.Result}");
            }
        }

        return true;
    }

    /// <summary>A file's bytes with CRLF read as LF, as the snapshot hashes them (a Windows checkout may have either).</summary>
    private static byte[] WithoutCarriageReturns(byte[] bytes) =>
        [.. bytes.Where((b, i) => b != (byte)'\r' || i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')];

    private static void CopyTree(string source, string target, string[] skip)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(skip.Contains))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    private static string FindWorkingTree()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No course.json found above the test directory.");
    }
}
