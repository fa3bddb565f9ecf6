using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Otp;

namespace Registries;

/// <summary>
/// One chat room: a GenServer holding the room's messages, oldest first. A <see cref="Post"/> call adds a message,
/// sends it to every process subscribed to the room in <paramref name="subscribers"/> (a registry with duplicate keys,
/// the room's name as the key) and replies with the number of messages the room holds. A <see cref="History"/> call
/// replies with every message so far. Any other call goes to <c>base.HandleCall</c>, which stops the room.
/// </summary>
/// <param name="room">The room's name, written into every <see cref="ChatMessage"/>.</param>
/// <param name="subscribers">Who hears the room's posts: the processes registered under the room's name.</param>
/// <remarks>
/// The room does not know its subscribers: it asks the registry at the moment of each post. A process that subscribed a
/// second ago is asked; one that died a second ago is not (a registry never returns the entries of an exited owner).
/// That is pub/sub with a duplicate registry: the key is the topic, the entries are its subscribers.
/// </remarks>
public sealed class ChatRoom(string room, Registry subscribers) : GenServer<ImmutableList<ChatMessage>>
{
    /// <summary>Starts with no messages.</summary>
    protected override InitResult<ImmutableList<ChatMessage>> Init() => Ok([]);

    /// <summary><see cref="Post"/> and <see cref="History"/>; anything else is handed to <c>base.HandleCall</c>.</summary>
    /// <param name="request">The call.</param>
    /// <param name="from">The caller.</param>
    /// <param name="messages">The room's messages, oldest first.</param>
    protected override HandleResult<ImmutableList<ChatMessage>> HandleCall(object request, From from, ImmutableList<ChatMessage> messages)
    {
        switch (request)
        {
            case Post(var author, var text):
                var message = new ChatMessage(room, author, text);
                // Registry.dispatch/3: the callback gets the live entries under the key, and sends to each. It runs
                // here, in the room's process, before the reply: when the poster has its count, every subscriber's
                // copy is already in its mailbox.
                subscribers.Dispatch(room, entries =>
                {
                    foreach (var entry in entries)
                    {
                        Context.Send(entry.Pid, message);
                    }
                });
                var added = messages.Add(message);
                return Reply(added.Count, added);
            case History:
                return Reply((IReadOnlyList<ChatMessage>)messages, messages);
            default:
                // As any GenServer: a call the room does not understand stops it with (bad_call, request).
                return base.HandleCall(request, from, messages);
        }
    }
}
