using System;

namespace ApiChanged;

public static class Calculator
{
    public static int Add(int a, int b) => throw new NotImplementedException("Step 1: implement Calculator.Add.");
    public static int Subtract(int a, int b) => throw new NotImplementedException("Step 1: implement Calculator.Subtract.");

}
