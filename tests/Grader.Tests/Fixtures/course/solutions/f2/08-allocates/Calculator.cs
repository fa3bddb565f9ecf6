using System;

namespace Allocates;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Hoard() => 0;
}
