using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace LinksAndMonitors;

/// <summary>
/// Step 1: a crew of workers linked in a chain, each to the next, so that they live and die together: a crash of any
/// one travels along the links, both ways, and ends them all; a normal exit ends only the worker that finished.
/// </summary>
public static class Crew
{
    /// <summary>
    /// Starts <paramref name="size"/> workers (each runs <see cref="Worker.RunAsync"/>), member <c>i</c> linked to member
    /// <c>i + 1</c>, and returns them in chain order once every link is in place. The starter is not linked to any of
    /// them: the crew's fate is not its own.
    /// </summary>
    /// <param name="starter">The process that starts the crew and waits for it to be ready.</param>
    /// <param name="size">How many workers; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1.</exception>
    public static Task<IReadOnlyList<Pid>> StartAsync(ProcessContext starter, int size)
        => throw new NotImplementedException("Step 1: implement Crew.StartAsync (see README, step 1).");
}
