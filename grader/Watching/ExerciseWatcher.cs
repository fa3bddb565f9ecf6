namespace Grader.Watching;

/// <summary>Reports saves of C# and project files under one exercise's folders (build output ignored) to a <see cref="ChangeDebouncer"/>.</summary>
internal sealed class ExerciseWatcher : IDisposable
{
    private static readonly string[] s_ignored = ["/bin/", "/obj/", "/.grader/", "/TestResults/"];
    private readonly List<FileSystemWatcher> _watchers = [];

    public ExerciseWatcher(IEnumerable<string> folders, ChangeDebouncer debouncer)
    {
        foreach (var folder in folders.Where(Directory.Exists).Distinct())
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            void OnChange(object sender, FileSystemEventArgs e)
            {
                var path = e.FullPath.Replace('\\', '/');
                if (!s_ignored.Any(i => path.Contains(i, StringComparison.Ordinal))
                    && (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal)))
                    debouncer.Changed(e.FullPath);
            }

            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
            watcher.Dispose();
    }
}
