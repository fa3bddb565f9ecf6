using System;
using System.Collections.Generic;

namespace Allocates;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Hoard()
    {
        var hoard = new List<byte[]>();
        while (true)
            hoard.Add(new byte[1 << 20]);
    }
}
