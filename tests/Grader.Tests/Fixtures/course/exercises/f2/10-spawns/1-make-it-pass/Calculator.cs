using System;
using System.Diagnostics;

namespace Spawns;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Spawn()
    {
        // A grandchild that outlives the shell that started it, so it is no longer in the test process's tree.
        var shell = new ProcessStartInfo("/bin/sh", ["-c", "sleep 3607 >/dev/null 2>&1 & echo $!"]) { RedirectStandardOutput = true };
        using var started = Process.Start(shell)!;
        var orphan = started.StandardOutput.ReadLine();
        started.WaitForExit();

        // A child left running when the test returns.
        var child = Process.Start("sleep", "3608");
        Console.WriteLine($"started processes {orphan} {child.Id}");
        return 1;
    }
}
