namespace StateMachines;

/// <summary>
/// What a routing request replies: <see cref="Moved"/> when the document changed state, <see cref="Refused"/> when the
/// request is not allowed in the state the document is in. A refusal is an answer, not a crash: the machine goes on.
/// </summary>
public abstract record RouteResult;
