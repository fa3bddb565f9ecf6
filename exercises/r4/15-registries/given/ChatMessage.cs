namespace Registries;

/// <summary>A post in a room, as the room keeps it in its history and as every subscriber of the room receives it.</summary>
/// <param name="Room">The room's name.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">What they wrote.</param>
public sealed record ChatMessage(string Room, string Author, string Text);
