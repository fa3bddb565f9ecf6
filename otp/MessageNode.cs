namespace Otp;

/// <summary>One message in a mailbox: a singly linked list, so selective receive can take a message from the middle.</summary>
internal sealed class MessageNode(object message)
{
    public readonly object Message = message;

    // Written under the mailbox lock, read without it by the (single) receiving process.
    public volatile MessageNode? Next;
}
