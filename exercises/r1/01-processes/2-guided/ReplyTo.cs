using System;
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
    // TODO Step 4.1 (A_reply_sent_to_a_ReplyTo_completes_its_Reply_task): add a TaskCompletionSource<T> field.
    // Create it with TaskCreationOptions.RunContinuationsAsynchronously, so the replying process does not go on
    // to run the caller's code on its own thread.

    /// <summary>Completes with the reply once the process has sent it; not completed before.</summary>
    public Task<T> Reply =>
        // TODO Step 4.2: the TaskCompletionSource's task.
        throw new NotImplementedException("Step 4: implement ReplyTo.Reply (see README, step 4).");

    /// <summary>Sends the reply. Only the first reply counts.</summary>
    /// <param name="reply">The answer to the request.</param>
    /// <returns>True for the first reply; false when a reply was already sent.</returns>
    public bool Send(T reply) =>
        // TODO Step 4.3: which TaskCompletionSource method returns false instead of throwing on a second result?
        throw new NotImplementedException("Step 4: implement ReplyTo.Send (see README, step 4).");
}
