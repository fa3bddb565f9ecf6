namespace Registries;

/// <summary>What a process receives when it subscribes to a room: the chat's welcome text at that moment.</summary>
/// <param name="Room">The room subscribed to.</param>
/// <param name="Text">The welcome text (kept in the rooms registry's metadata).</param>
public sealed record Welcome(string Room, string Text);
