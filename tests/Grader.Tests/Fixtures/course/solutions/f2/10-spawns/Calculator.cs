using System;

namespace Spawns;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Spawn() => 1;
}
