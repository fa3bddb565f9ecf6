namespace Otp;

/// <summary>One message in a mailbox: a singly linked list, so selective receive can take a message from the middle.</summary>
internal sealed class MessageNode
{
    /// <summary>The <see cref="Next"/> of a node whose sender has pushed it but not yet linked it to the one below.</summary>
    public static readonly MessageNode Unlinked = new(null!);

    public readonly object Message;

    // In the senders' stack: the node pushed before it, written once by its sender (Unlinked until then).
    // Once the receiver has taken it onto its private list: the next newer message, written only by the receiver.
    public MessageNode? Next;

    public MessageNode(object message)
    {
        Message = message;
        Next = Unlinked;
    }
}
