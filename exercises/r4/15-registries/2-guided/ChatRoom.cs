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
public sealed class ChatRoom(string room, Registry subscribers) : GenServer<ImmutableList<ChatMessage>>
{
    // The constructor's arguments, for the callbacks.
    private readonly string _room = room;
    private readonly Registry _subscribers = subscribers;

    /// <summary>Starts with no messages.</summary>
    protected override InitResult<ImmutableList<ChatMessage>> Init()
    {
        // TODO Step 1: Ok(...) with an empty ImmutableList<ChatMessage> ([] works).
        throw new NotImplementedException("Step 1: implement ChatRoom.Init (see README, step 1).");
    }

    /// <summary><see cref="Post"/> and <see cref="History"/>; anything else is handed to <c>base.HandleCall</c>.</summary>
    /// <param name="request">The call.</param>
    /// <param name="from">The caller.</param>
    /// <param name="messages">The room's messages, oldest first.</param>
    protected override HandleResult<ImmutableList<ChatMessage>> HandleCall(object request, From from, ImmutableList<ChatMessage> messages)
    {
        // TODO Step 2: switch on the request:
        //   Post(var author, var text): make new ChatMessage(_room, author, text), add it (messages.Add gives a new
        //     list), and Reply(count of the new list, new list).
        //   History: Reply((IReadOnlyList<ChatMessage>)messages, messages).
        //   anything else: return base.HandleCall(request, from, messages), which stops the room with (bad_call, request).
        // TODO Step 5: before replying to a Post, send the message to every subscriber of the room:
        //   _subscribers.Dispatch(_room, entries => ...) calls you with the live entries under the room's name; send to
        //   each entry's Pid with Context.Send. Doing it before the reply means the poster's call returns after every
        //   subscriber has its copy.
        throw new NotImplementedException("Step 2: implement ChatRoom.HandleCall (see README, steps 2 and 5).");
    }
}
