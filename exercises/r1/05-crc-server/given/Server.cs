using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CrcServer;

// Given: the generic server loop, copied from exercise 04 so that this exercise stands alone. Nothing to change here.

/// <summary>
/// A running GenServer: the client side of it. Call it (and wait for the reply), cast to it, send it any message,
/// stop it, and watch it end.
/// </summary>
/// <typeparam name="TCall">The requests that get a reply.</typeparam>
/// <typeparam name="TReply">The replies.</typeparam>
/// <typeparam name="TCast">The requests that get no reply.</typeparam>
public sealed class Server<TCall, TReply, TCast>
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<object> _mailbox = Channel.CreateUnbounded<object>();
    private readonly TimeProvider _timeProvider;

    private Server(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        Completion = Task.CompletedTask;
    }

    /// <summary>
    /// Completes when the server ends: successfully after <see cref="StopAsync"/>, faulted with the callback's own
    /// exception when the server crashed.
    /// </summary>
    public Task Completion { get; private set; }

    /// <summary>True until the server has ended.</summary>
    public bool IsAlive => !Completion.IsCompleted;

    /// <summary>
    /// Sends a request and waits for its reply (<c>GenServer.call/3</c>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="timeout">How long to wait for the reply; 5 seconds when null, as in OTP.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="TimeoutException">No reply came in time (the server keeps running).</exception>
    /// <exception cref="ServerExitedException">
    /// The server had ended, or ended before replying; when it crashed, the crash is the inner exception.
    /// </exception>
    public async Task<TReply> CallAsync(TCall request, TimeSpan? timeout = null)
    {
        var reply = new TaskCompletionSource<TReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A server that has ended has closed its mailbox, which drops the call; the wait below then ends with
        // Completion, which says why.
        _mailbox.Writer.TryWrite(new CallMessage(request, reply));

        var wait = timeout ?? DefaultTimeout;
        using var cancelTimer = new CancellationTokenSource();
        var timer = Task.Delay(wait, _timeProvider, cancelTimer.Token);
        await Task.WhenAny(reply.Task, Completion, timer);
        await cancelTimer.CancelAsync();

        if (reply.Task.IsCompleted)
        {
            return await reply.Task;
        }

        if (Completion.IsCompleted)
        {
            throw Exited("The server ended before it replied.");
        }

        throw new TimeoutException($"The server did not reply within {wait.TotalMilliseconds} ms.");
    }

    /// <summary>Sends a request nobody waits for (<c>GenServer.cast/2</c>). Dropped when the server has ended.</summary>
    /// <param name="request">The request.</param>
    public void Cast(TCast request) => _mailbox.Writer.TryWrite(new CastMessage(request));

    /// <summary>Sends any other message, handled by <c>HandleInfo</c> (Erlang's <c>send/2</c>). Dropped when the server has ended.</summary>
    /// <param name="message">The message.</param>
    public void Send(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _mailbox.Writer.TryWrite(message);
    }

    /// <summary>
    /// Stops the server normally (<c>GenServer.stop/1</c>): the messages sent before are handled, then the loop ends.
    /// Completes when the server has ended. Stopping twice, or stopping a crashed server, is harmless.
    /// </summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public async Task StopAsync()
    {
        _mailbox.Writer.TryComplete();
        await Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    internal static (Server<TCall, TReply, TCast> Server, Task Initialized) Start<TState>(
        IGenServer<TState, TCall, TReply, TCast> callbacks, TimeProvider timeProvider)
    {
        var server = new Server<TCall, TReply, TCast>(timeProvider);
        var initialized = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Completion = Task.Run(() => server.LoopAsync(callbacks, initialized));
        return (server, initialized.Task);
    }

    private async Task LoopAsync<TState>(IGenServer<TState, TCall, TReply, TCast> callbacks, TaskCompletionSource initialized)
    {
        try
        {
            TState state;
            try
            {
                state = callbacks.Init();
            }
            catch (Exception crash)
            {
                initialized.TrySetException(crash);
                throw;
            }

            initialized.TrySetResult();
            await foreach (var message in _mailbox.Reader.ReadAllAsync())
            {
                // A callback that throws leaves this loop: the server crashes, and Completion carries the exception.
                state = message switch
                {
                    CallMessage call => Reply(callbacks.HandleCall(call.Request, state), call.ReplyTo),
                    CastMessage cast => callbacks.HandleCast(cast.Request, state),
                    _ => callbacks.HandleInfo(message, state),
                };
            }
        }
        finally
        {
            // Whatever way the loop ends, a dead server takes no more messages.
            _mailbox.Writer.TryComplete();
        }
    }

    private static TState Reply<TState>((TReply Reply, TState State) result, TaskCompletionSource<TReply> replyTo)
    {
        replyTo.TrySetResult(result.Reply);
        return result.State;
    }

    private ServerExitedException Exited(string message) => new(message, Completion.Exception?.InnerException);

    private sealed record CallMessage(TCall Request, TaskCompletionSource<TReply> ReplyTo);

    private sealed record CastMessage(TCast Request);
}
