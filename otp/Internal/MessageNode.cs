namespace Otp;

/// <summary>One message in a mailbox: a singly linked list, so selective receive can take a message from the middle.</summary>
internal sealed class MessageNode(object message)
{
    public readonly object Message = message;

    // Written by senders under the process's lock while in the shared list, then only by the receiving code.
    public MessageNode? Next;
}
