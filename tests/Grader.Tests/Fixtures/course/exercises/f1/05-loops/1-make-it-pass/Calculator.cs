using System;

namespace Loops;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;
    public static void Spin() { while (true) { } }

}
