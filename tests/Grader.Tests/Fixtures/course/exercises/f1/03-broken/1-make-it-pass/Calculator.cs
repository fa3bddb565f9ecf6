using System;

namespace Broken;

public static class Calculator
{
    public static Summer Add(int a, int b) => a + b

}
