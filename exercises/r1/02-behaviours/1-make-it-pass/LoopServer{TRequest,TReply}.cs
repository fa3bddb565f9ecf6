using System;
using System.Threading;
using System.Threading.Tasks;

namespace Behaviours;

/// <summary>
/// A handle to a running loop server: the generic half of every behaviour. It knows how to receive a request, hand it
/// to the behaviour, send the reply back and keep the state; it knows nothing about what the requests mean.
/// Start one with <see cref="LoopServer.Start{TState, TRequest, TReply}"/>.
/// </summary>
/// <typeparam name="TRequest">The requests the server's behaviour understands.</typeparam>
/// <typeparam name="TReply">What the behaviour answers.</typeparam>
public sealed class LoopServer<TRequest, TReply>
{
    private LoopServer()
    {
    }

    /// <summary>
    /// Completes when the server ends: successfully after <see cref="Stop"/> once every request sent before it was
    /// handled; faulted with the behaviour's own exception when <c>Init</c> or <c>Handle</c> threw.
    /// </summary>
    public Task Completion => throw new NotImplementedException("Step 3: implement LoopServer.Completion (see README, step 3).");

    /// <summary>True until the server has ended.</summary>
    public bool IsAlive => throw new NotImplementedException("Step 3: implement LoopServer.IsAlive (see README, step 3).");

    /// <summary>
    /// Asks the server to stop: it handles the requests already sent, then ends normally. Calls made afterwards fail
    /// at once with <see cref="ServerExitedException"/>. Stopping twice is harmless.
    /// </summary>
    public void Stop() => throw new NotImplementedException("Step 3: implement LoopServer.Stop (see README, step 3).");

    /// <summary>
    /// Sends a request to the behaviour and waits for its reply (a synchronous call, like <c>GenServer.call</c>).
    /// Requests are handled one at a time, in the order they arrive. When the call times out, the request is still
    /// handled later, and its reply is then dropped.
    /// </summary>
    /// <param name="request">The request; the server passes it to the behaviour without looking at it.</param>
    /// <param name="timeout">
    /// How long to wait for the reply, measured on <paramref name="timeProvider"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits as long as it takes (Elixir's <c>:infinity</c>).
    /// </param>
    /// <param name="timeProvider">The clock to wait by; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The behaviour's reply.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative (and not infinite); nothing is sent.</exception>
    /// <exception cref="TimeoutException">No reply came within <paramref name="timeout"/>.</exception>
    /// <exception cref="ServerExitedException">
    /// The server had stopped or ended, or ended before replying; when it crashed, the crash is the inner exception.
    /// </exception>
    public Task<TReply> CallAsync(TRequest request, TimeSpan timeout, TimeProvider? timeProvider = null) =>
        throw new NotImplementedException("Step 3: implement LoopServer.CallAsync (see README, step 3).");
}
