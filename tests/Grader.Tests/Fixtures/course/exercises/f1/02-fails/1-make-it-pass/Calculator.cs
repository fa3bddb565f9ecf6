using System;

namespace Fails;

public static class Calculator
{
    public static int Add(int a, int b) => a + b + (b > 5 ? 1 : 0);

}
