namespace StateMachines;

/// <summary>The request was carried out: the document went from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">The state it left.</param>
/// <param name="To">The state it is in now (the same as <paramref name="From"/> for a repeated state: a reassigned review).</param>
public sealed record Moved(DocumentState From, DocumentState To) : RouteResult;
