namespace ResponseTuples;

/// <summary>What <see cref="Session.StatusAsync"/> replies: a snapshot of the session, taken by the session itself.</summary>
/// <param name="User">The session's user.</param>
/// <param name="Delivered">How many messages the session has received in all, its history included.</param>
/// <param name="Unread">How many of them wait to be polled.</param>
/// <param name="PollWaiting">True while a poll waits for the next message (its caller's <c>From</c> is kept).</param>
public sealed record SessionStatus(string User, long Delivered, int Unread, bool PollWaiting);
