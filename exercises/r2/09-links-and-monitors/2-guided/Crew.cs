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
    /// <summary>Told to the starter by each member once it is linked to the member after it.</summary>
    private sealed record Joined(int Index, Pid Member);

    /// <summary>
    /// Starts <paramref name="size"/> workers (each runs <see cref="Worker.RunAsync"/>), member <c>i</c> linked to member
    /// <c>i + 1</c>, and returns them in chain order once every link is in place. The starter is not linked to any of
    /// them: the crew's fate is not its own.
    /// </summary>
    /// <param name="starter">The process that starts the crew and waits for it to be ready.</param>
    /// <param name="size">How many workers; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1.</exception>
    public static Task<IReadOnlyList<Pid>> StartAsync(ProcessContext starter, int size)
    {
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);

        // TODO Step 1.1: spawn the first member with starter.Spawn(Member(...)). A plain Spawn: the starter stays out of
        //                the crew's fate.
        // TODO Step 1.2: receive `size` Joined messages (starter.ReceiveAsync<Joined>(timeout: ...); throw a
        //                TimeoutException if one is null), put each member at its Index, return the array.
        //                (Make the method async once it awaits.)
        throw new NotImplementedException("Step 1: implement Crew.StartAsync (see README, step 1).");
    }

    private static Func<ProcessContext, Task> Member(Pid starter, int index, int size) => ctx =>
    {
        // TODO Step 1.3: if a member comes after this one (index + 1 < size), start it linked to this one:
        //                ctx.SpawnLink(Member(starter, index + 1, size)).
        // TODO Step 1.4: tell the starter: ctx.Send(starter, new Joined(index, ctx.Self)).
        // TODO Step 1.5: then be a worker: return Worker.RunAsync(ctx).
        throw new NotImplementedException("Step 1: implement the body of a crew member (see README, step 1).");
    };
}
