using System;

namespace Crashes;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;
    public static void Quit() => Environment.Exit(0);
    public static int Recurse(int n) => 1 + Recurse(n + 1);

}
