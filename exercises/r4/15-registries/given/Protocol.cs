namespace Registries;

// A room's protocol, in one place: what Chat calls and what ChatRoom.HandleCall matches.

/// <summary>A call to a <see cref="ChatRoom"/>: post a message; the reply (an <see cref="int"/>) is how many messages the room holds now.</summary>
/// <param name="Author">Who writes.</param>
/// <param name="Text">What they write.</param>
public sealed record Post(string Author, string Text);

/// <summary>A call to a <see cref="ChatRoom"/>: the reply is every message posted to it, oldest first (an <c>IReadOnlyList&lt;ChatMessage&gt;</c>).</summary>
public sealed record History;
