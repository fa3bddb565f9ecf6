using System;

namespace Deadlocks;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Transfer() => 1;
}
