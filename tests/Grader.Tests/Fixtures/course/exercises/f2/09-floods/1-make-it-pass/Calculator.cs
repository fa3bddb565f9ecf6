using System;

namespace Floods;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Shout()
    {
        var line = new string('x', 1000);
        for (var i = 0; i < 1000; i++)
            Console.WriteLine(line);
        using var stdout = Console.OpenStandardOutput();
        var bytes = System.Text.Encoding.ASCII.GetBytes(line + "\n");
        for (var i = 0; i < 1000; i++)
            stdout.Write(bytes);

        // 8 MB without a single newline (128 times the report's cap), in blocks: nothing that reads it line by line survives that.
        using var stderr = Console.OpenStandardError();
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)'y');
        for (var i = 0; i < 8; i++)
            stderr.Write(block);
        return 1;
    }
}
