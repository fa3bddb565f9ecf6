using System;

namespace Passes;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

}
