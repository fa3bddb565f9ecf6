using System.Threading.Tasks;

namespace Processes;

/// <summary>
/// A return address for one reply. A request carries it to the process, the process sends its answer to it, and
/// the caller awaits <see cref="Reply"/>. In Erlang the caller sends <c>{self(), Ref, Request}</c> and waits for
/// <c>{Ref, Reply}</c>; the unique <c>Ref</c> is what keeps replies to different calls apart, as one
/// <see cref="ReplyTo{T}"/> per call does here.
/// </summary>
/// <typeparam name="T">The type of the reply.</typeparam>
public sealed class ReplyTo<T>
{
    // RunContinuationsAsynchronously: the replying process must not run the caller's code on its own thread
    // (it would stall the process's loop until the caller's continuation finishes).
    private readonly TaskCompletionSource<T> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the reply once the process has sent it; not completed before.</summary>
    public Task<T> Reply => _reply.Task;

    /// <summary>Sends the reply. Only the first reply counts.</summary>
    /// <param name="reply">The answer to the request.</param>
    /// <returns>True for the first reply; false when a reply was already sent.</returns>
    public bool Send(T reply) => _reply.TrySetResult(reply);
}
