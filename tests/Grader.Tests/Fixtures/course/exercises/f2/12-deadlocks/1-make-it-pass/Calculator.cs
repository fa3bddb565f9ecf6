using System;
using System.Threading;

namespace Deadlocks;

public static class Calculator
{
    public static int Add(int a, int b) => a + b;

    public static int Transfer()
    {
        // Two threads take the same two locks in opposite orders; the barrier makes sure each holds one first.
        var a = new object();
        var b = new object();
        using var bothHoldOne = new Barrier(2);
        var other = new Thread(() =>
        {
            lock (b)
            {
                bothHoldOne.SignalAndWait();
                lock (a) { }
            }
        });
        other.Start();
        lock (a)
        {
            bothHoldOne.SignalAndWait();
            lock (b) { }
        }

        other.Join();
        return 1;
    }
}
