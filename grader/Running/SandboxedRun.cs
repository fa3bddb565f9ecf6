namespace Grader.Running;

/// <summary>What one sandboxed test process may see and touch, besides the system's read-only files.</summary>
/// <param name="Scratch">Its own folder, the only place it may write (also its working folder, HOME and TMPDIR).</param>
/// <param name="Channel">The grader's end of the private pipe (a Unix socket), shown inside at <see cref="Bubblewrap.ChannelPath"/>.</param>
/// <param name="Inputs">Files and folders it reads: the compiled assemblies' folders, the list of tests to run.</param>
/// <param name="Hidden">Folders it must not see (the course, the grader's work folder), unless listed in <paramref name="Inputs"/>.</param>
internal sealed record SandboxedRun(string Scratch, string Channel, IReadOnlyList<string> Inputs, IReadOnlyList<string> Hidden);
