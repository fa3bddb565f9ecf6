namespace Grader.Course;

/// <summary>Finds the kit's root: the nearest directory at or above a start directory that holds <c>course.json</c>.</summary>
internal static class CourseRoot
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFile = "course.json";

    /// <summary>Returns the root, or throws <see cref="CourseException"/> saying where it looked and what to do.</summary>
    public static string Find(string startDirectory, string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            var root = Path.GetFullPath(explicitRoot, startDirectory);
            if (!File.Exists(Path.Combine(root, ManifestFile)))
                throw new CourseException($"no {ManifestFile} in {root} (given by --root): pass the folder that holds the kit's {ManifestFile}.");
            return root;
        }

        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ManifestFile)))
                return dir.FullName;
        }

        throw new CourseException($"no {ManifestFile} found above {Path.GetFullPath(startDirectory)}: run the grader inside the kit, or pass --root <dir>.");
    }
}
