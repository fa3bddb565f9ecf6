using System;

namespace Floods;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Shout()
    {
        var line = new string('x', 1000);
        for (var i = 0; i < 4000; i++)
            Console.WriteLine(line);
        using var stdout = Console.OpenStandardOutput();
        var bytes = System.Text.Encoding.ASCII.GetBytes(line + "\n");
        for (var i = 0; i < 4000; i++)
            stdout.Write(bytes);
        return 1;
    }
}
