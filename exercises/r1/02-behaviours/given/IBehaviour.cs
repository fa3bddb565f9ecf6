namespace Behaviours;

/// <summary>
/// The contract a behaviour signs so that a generic server can run it: the plugin's half of the deal.
/// In Elixir the contract is a module with <c>@callback</c>s, and a plugin says <c>@behaviour</c> to sign it;
/// the compiler then warns about a missing callback, as the C# compiler refuses a class that leaves out a member.
/// </summary>
/// <remarks>
/// Both members are plain functions of their arguments: no threads, no mailbox, no waiting. Everything about
/// processes lives in the server (<see cref="LoopServer"/>), which calls these members one at a time, on its own loop.
/// </remarks>
/// <typeparam name="TState">The behaviour's state, kept by the server between requests.</typeparam>
/// <typeparam name="TRequest">The requests the behaviour understands (its protocol).</typeparam>
/// <typeparam name="TReply">What the behaviour answers to a request.</typeparam>
public interface IBehaviour<TState, TRequest, TReply>
{
    /// <summary>
    /// The state before the first request (Elixir: <c>@callback init() :: state</c>).
    /// The server calls it exactly once, on its own loop, before it handles any request.
    /// </summary>
    /// <returns>The initial state.</returns>
    TState Init();

    /// <summary>
    /// Answers one request and computes the next state
    /// (Elixir: <c>@callback handle(request, state) :: {reply, state}</c>).
    /// If it throws, the server crashes.
    /// </summary>
    /// <param name="request">The request to answer.</param>
    /// <param name="state">The state left by the previous request (or by <see cref="Init"/>).</param>
    /// <returns>The reply for the caller, and the state for the next request.</returns>
    (TReply Reply, TState State) Handle(TRequest request, TState state);
}
