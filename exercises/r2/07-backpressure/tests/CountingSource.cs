using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace Backpressure.Tests;

/// <summary>
/// The items 1, 2, 3, ... up to a count, counting how many a producer has read: a producer that reads ahead of its
/// consumer shows here.
/// </summary>
internal sealed class CountingSource(int count) : IEnumerable<int>
{
    private int _read;

    /// <summary>How many items have been read from the source so far.</summary>
    public int Read => Volatile.Read(ref _read);

    public IEnumerator<int> GetEnumerator()
    {
        for (var i = 1; i <= count; i++)
        {
            Interlocked.Increment(ref _read);
            yield return i;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
