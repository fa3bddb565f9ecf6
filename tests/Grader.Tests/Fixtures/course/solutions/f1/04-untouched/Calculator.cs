using System;

namespace Untouched;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

}
