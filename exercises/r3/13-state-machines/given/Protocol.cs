namespace StateMachines;

// The router's protocol, in one place: what the client API (Document) sends and the machine (DocumentRouter) matches.

/// <summary>A request that moves a document along, or is refused with <see cref="Refused"/> naming it.</summary>
/// <param name="Name">The name a refusal gives it.</param>
internal abstract record RoutingEvent(string Name);

/// <summary>A call: Draft → Review.</summary>
internal sealed record Submit() : RoutingEvent("submit");

/// <summary>A call: Review → Approved.</summary>
internal sealed record Approve() : RoutingEvent("approve");

/// <summary>A call: Review → Rejected, keeping the reason in the data.</summary>
internal sealed record Reject(string Reason) : RoutingEvent("reject");

/// <summary>A call: Rejected → Draft, clearing the reason.</summary>
internal sealed record Revise() : RoutingEvent("revise");

/// <summary>A call: Approved → Published; during a review it waits (postponed) until the review ends.</summary>
internal sealed record Publish() : RoutingEvent("publish");

/// <summary>A call: a review handed to another reviewer; Review → Review again, a repeated state.</summary>
internal sealed record Reassign(string Reviewer) : RoutingEvent("reassign");

/// <summary>A call, during a review: answered when the review ends, with where it went.</summary>
internal sealed record AwaitVerdict() : RoutingEvent("verdict");

/// <summary>A call answered in every state with the current <see cref="DocumentState"/>.</summary>
internal sealed record CurrentState;

/// <summary>The content of the review's state time-out.</summary>
internal sealed record ReviewExpired;
