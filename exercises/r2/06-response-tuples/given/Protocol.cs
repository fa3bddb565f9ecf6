namespace ResponseTuples;

// The session's protocol, in one place: what the client API (Session) sends and the callbacks (SessionServer) match.

/// <summary>A call: the next messages, now if some are unread, else as soon as one is delivered.</summary>
internal sealed record Poll;

/// <summary>A call: a message for this session; the reply is its sequence number.</summary>
internal sealed record Deliver(string Message);

/// <summary>A call: a <see cref="SessionStatus"/>.</summary>
internal sealed record Status;

/// <summary>A call: end the session; the reply is what was left unread.</summary>
internal sealed record Logout;

/// <summary>A cast: end the session at once, with <see cref="Kicked"/> as its reason.</summary>
internal sealed record Kick(string Why);

/// <summary>The continue argument Init hands to HandleContinueAsync: load the history from the store.</summary>
internal sealed record LoadHistory;
