using System.Collections.Immutable;
using System.Text;
using Otp;

namespace ResponseTuples;

/// <summary>The state a <see cref="SessionServer"/> passes from one callback to the next.</summary>
/// <param name="Unread">Messages delivered and not yet polled, oldest first.</param>
/// <param name="Delivered">How many messages the session has received in all (the last sequence number given).</param>
/// <param name="Poller">The caller of a poll that is waiting for the next message, or null: the <c>From</c> kept to reply later.</param>
public sealed record SessionState(ImmutableList<string> Unread, long Delivered, From? Poller)
{
    /// <summary>A new session: nothing delivered, nobody waiting.</summary>
    public static SessionState Empty { get; } = new([], 0, null);

    // Prints the messages themselves (a list's own ToString is only its type's name), for readable test failures.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Unread = [{string.Join(", ", Unread)}], Delivered = {Delivered}, Poller = {Poller?.ToString() ?? "null"}");
        return true;
    }
}
