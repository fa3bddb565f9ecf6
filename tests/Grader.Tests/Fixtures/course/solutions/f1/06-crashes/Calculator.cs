using System;

namespace Crashes;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;
    public static void Quit() => Console.WriteLine("not quitting");
    public static int Recurse(int n) => n;

    public static void Explode() { }
}
