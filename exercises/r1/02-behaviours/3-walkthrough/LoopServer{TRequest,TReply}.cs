using System;
using System.Threading;
using System.Threading.Channels;
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
    // The mailbox holds calls: a request together with the return address its reply goes to.
    private readonly Channel<Call> _mailbox = Channel.CreateUnbounded<Call>(new UnboundedChannelOptions { SingleReader = true });

    private LoopServer()
    {
    }

    /// <summary>
    /// Completes when the server ends: successfully after <see cref="Stop"/> once every request sent before it was
    /// handled; faulted with the behaviour's own exception when <c>Init</c> or <c>Handle</c> threw.
    /// </summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>True until the server has ended.</summary>
    public bool IsAlive => !Completion.IsCompleted;

    /// <summary>
    /// Asks the server to stop: it handles the requests already sent, then ends normally. Calls made afterwards fail
    /// at once with <see cref="ServerExitedException"/>. Stopping twice is harmless.
    /// </summary>
    public void Stop() => _mailbox.Writer.TryComplete();

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
    public async Task<TReply> CallAsync(TRequest request, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A call's timeout cannot be negative.");
        }

        // One TaskCompletionSource per call is the return address (Erlang's {self(), Ref}). RunContinuationsAsynchronously:
        // completing it must not run the caller's code on the server's loop.
        var call = new Call(request, new TaskCompletionSource<TReply>(TaskCreationOptions.RunContinuationsAsynchronously));
        // The write fails only after Stop. A crashed server's mailbox still takes the call, but nobody will read it:
        // Completion has already finished, so the wait below ends at once and the caller learns of the crash.
        if (!_mailbox.Writer.TryWrite(call))
        {
            throw Exited("The server had stopped when it was called.");
        }

        // GAP 3 (step 3). Wait for whichever comes first: the reply, the end of the server, or the timeout.
        //  - The timeout is a Task.Delay(timeout, timeProvider ?? TimeProvider.System, token); cancel its token once
        //    you are done waiting, so the timer does not outlive the call.
        //  - Await Task.WhenAny(call.Reply.Task, Completion, theDelay). WhenAny never throws: it only tells you that
        //    something finished. Then look, in this order:
        //      1. the reply completed: return it (a server may reply to this call and crash on the next one; this call
        //         succeeded);
        //      2. Completion completed: throw Exited("The server ended before it replied."): the server stopped or
        //         crashed, and Exited puts the crash, if any, inside as the inner exception;
        //      3. otherwise the timer won: throw a TimeoutException that says how long you waited.
        //  - Watching Completion is what an Erlang caller does with a monitor: without it, a call to a server that
        //    crashes would wait for its whole timeout. It is also what makes step 4's crash tests pass.
        await Task.Yield();
        throw new NotImplementedException("Step 3: finish LoopServer.CallAsync (see README, step 3).");
    }

    internal static LoopServer<TRequest, TReply> Start<TState>(IBehaviour<TState, TRequest, TReply> behaviour)
    {
        var server = new LoopServer<TRequest, TReply>();
        // Task.Run puts the whole loop, Init included, on the thread pool: the caller of Start never runs behaviour code,
        // just as OTP runs init inside the new process, not in the one that started it.
        server.Completion = Task.Run(() => server.LoopAsync(behaviour));
        return server;
    }

    /// <summary>
    /// The machinery, the same for every behaviour. Nothing in it names a counter or a stack: adding a behaviour never
    /// changes a line here.
    /// </summary>
    private async Task LoopAsync<TState>(IBehaviour<TState, TRequest, TReply> behaviour)
    {
        // GAP 2 (step 3). The loop itself, in a handful of lines:
        //  - Get the first state from behaviour.Init(). It runs here, inside the Task.Run that Start made, so it runs
        //    on the server, once, and Start does not wait for it (OTP runs init inside the new process too).
        //  - `await foreach (var call in _mailbox.Reader.ReadAllAsync())`: it gives the calls one at a time, in order,
        //    waits (without a thread) while the mailbox is empty, and ends once Stop has completed the mailbox and the
        //    calls sent before Stop are all handled.
        //  - For each call: pass call.Request and the state to behaviour.Handle, keep the state it returns for the next
        //    turn (C# can deconstruct into a new variable and an existing one at once: `(var reply, state) = ...`),
        //    and complete call.Reply with the reply (TrySetResult).
        //  - Catch nothing. An exception from Init or Handle that leaves this method faults Completion: that is the
        //    crash, and every caller still waiting sees it through Completion.
        await Task.Yield();
        throw new NotImplementedException("Step 3: write the server's loop in LoopServer.LoopAsync (see README, step 3).");
    }

    private ServerExitedException Exited(string message) =>
        new(message, Completion.Exception?.InnerException);

    /// <summary>A request and the return address of its reply.</summary>
    private sealed record Call(TRequest Request, TaskCompletionSource<TReply> Reply);
}
