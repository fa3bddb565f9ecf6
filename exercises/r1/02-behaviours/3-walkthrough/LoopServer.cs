using System;

namespace Behaviours;

/// <summary>Starts generic loop servers, each one driving a behaviour.</summary>
public static class LoopServer
{
    /// <summary>
    /// Starts a server for <paramref name="behaviour"/> and returns at once, without waiting for anything. The server
    /// runs on the thread pool: it calls <see cref="IBehaviour{TState, TRequest, TReply}.Init"/> exactly once, on its own
    /// loop (never on the caller's thread), then loops: receive a request, hand it with the current state to
    /// <see cref="IBehaviour{TState, TRequest, TReply}.Handle"/>, send the reply back to the caller, keep the new state.
    /// When Init or Handle throws, the server crashes: its <see cref="LoopServer{TRequest, TReply}.Completion"/> fails
    /// with that exception, and its calls fail with <see cref="ServerExitedException"/>.
    /// </summary>
    /// <remarks>
    /// OTP's <c>start_link</c> waits for <c>init</c> and returns <c>{:error, reason}</c> when it fails. This server does
    /// not wait (a synchronous method that waited for a loop would block a thread): when <c>Init</c> throws, the server
    /// crashes, and that is seen the same way as any other crash, through <see cref="LoopServer{TRequest, TReply}.Completion"/>
    /// and the calls that fail with <see cref="ServerExitedException"/>.
    /// </remarks>
    /// <typeparam name="TState">The behaviour's state.</typeparam>
    /// <typeparam name="TRequest">The requests the behaviour understands.</typeparam>
    /// <typeparam name="TReply">What the behaviour answers.</typeparam>
    /// <param name="behaviour">The code to run on each request.</param>
    /// <returns>A handle to the running server.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="behaviour"/> is null.</exception>
    public static LoopServer<TRequest, TReply> Start<TState, TRequest, TReply>(IBehaviour<TState, TRequest, TReply> behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        return LoopServer<TRequest, TReply>.Start(behaviour);
    }
}
