using System;

namespace Fakes;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Answer() => 42;
}
