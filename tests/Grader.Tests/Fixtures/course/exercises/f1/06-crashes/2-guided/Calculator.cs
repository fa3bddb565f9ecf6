using System;

namespace Crashes;

public static class Calculator
{
    public static int Add(int a, int b) => throw new NotImplementedException("Step 1: implement Calculator.Add.");
    public static void Quit() => throw new NotImplementedException("Step 2: implement Calculator.Quit.");
    public static int Recurse(int n) => throw new NotImplementedException("Step 3: implement Calculator.Recurse.");
    public static void Explode() => throw new NotImplementedException("Step 5: implement Calculator.Explode.");
}
