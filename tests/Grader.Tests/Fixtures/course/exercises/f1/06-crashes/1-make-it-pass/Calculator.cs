using System;
using System.Threading;

namespace Crashes;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;
    public static void Quit() => Environment.Exit(0);
    public static int Recurse(int n) => 1 + Recurse(n + 1);

    public static void Explode()
    {
        var thread = new Thread(() => throw new InvalidOperationException("boom"));
        thread.Start();
        thread.Join();
    }
}
