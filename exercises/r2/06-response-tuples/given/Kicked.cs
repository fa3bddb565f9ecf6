namespace ResponseTuples;

/// <summary>The exit reason of a session that was kicked out (<c>{stop, {kicked, Why}, State}</c> from a cast).</summary>
/// <param name="Why">What the moderator said.</param>
public sealed record Kicked(string Why);
