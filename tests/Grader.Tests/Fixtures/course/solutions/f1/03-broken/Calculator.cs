using System;

namespace Broken;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

}
