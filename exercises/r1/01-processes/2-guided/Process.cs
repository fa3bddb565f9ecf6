using System;

namespace Processes;

/// <summary>Starts processes (Erlang's <c>spawn</c>).</summary>
public static class Process
{
    /// <summary>
    /// Starts a process: a loop, running on the thread pool (a process is not a thread), that receives one message at
    /// a time from its own mailbox and computes the next state from the current state and the message. In Erlang it is
    /// a recursive function, <c>loop(State) -&gt; receive Msg -&gt; loop(handle(State, Msg)) end</c>.
    /// When <paramref name="handle"/> throws, the process crashes: it ends and its <see cref="Pid{TMessage}.Completion"/>
    /// fails with that exception.
    /// </summary>
    /// <typeparam name="TState">The type of the state carried from one turn of the loop to the next.</typeparam>
    /// <typeparam name="TMessage">The type of the messages the process receives.</typeparam>
    /// <param name="initialState">The state before the first message.</param>
    /// <param name="handle">Computes the next state from the state and a message.</param>
    /// <returns>The new process's pid.</returns>
    public static Pid<TMessage> Spawn<TState, TMessage>(TState initialState, Func<TState, TMessage, TState> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        // Given: the work is done by Pid.Start, in Pid.cs. Go there for step 3.
        return Pid<TMessage>.Start(initialState, handle);
    }
}
