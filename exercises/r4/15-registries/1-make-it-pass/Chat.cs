using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Otp;

namespace Registries;

/// <summary>
/// A chat service on one node: chat rooms found by name through a registry with unique keys (<see cref="Rooms"/>), and
/// subscribers found by room through a registry with duplicate keys (<see cref="Subscribers"/>). Every method is
/// thread-safe and may be called from any thread.
/// </summary>
public sealed class Chat
{
    /// <summary>The key of the welcome text in the metadata of <see cref="Rooms"/>.</summary>
    public const string WelcomeKey = "welcome";

    // The constructor's arguments, kept for you: the node the rooms run on, and the first welcome text.
    private readonly Node _node;
    private readonly string _welcome;

    /// <summary>
    /// Creates the chat's two registries: <see cref="Rooms"/> (unique keys, with <paramref name="welcome"/> in its metadata
    /// under <see cref="WelcomeKey"/>) and <see cref="Subscribers"/> (duplicate keys). No room is open yet.
    /// </summary>
    /// <param name="node">The node the rooms run on.</param>
    /// <param name="welcome">The text sent to every new subscriber.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> or <paramref name="welcome"/> is null.</exception>
    public Chat(Node node, string welcome)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(welcome);
        _node = node;
        _welcome = welcome;
    }

    /// <summary>The rooms: each room's server is registered under the room's name, with the room's topic as the entry's value.</summary>
    public Registry Rooms => throw new NotImplementedException("Step 1: implement Chat.Rooms (see README, step 1).");

    /// <summary>The subscribers: each subscriber is registered under the name of every room it listens to, with its nickname as the value.</summary>
    public Registry Subscribers => throw new NotImplementedException("Step 1: implement Chat.Subscribers (see README, steps 1 and 5).");

    /// <summary>The welcome text, read from the metadata of <see cref="Rooms"/> (under <see cref="WelcomeKey"/>); empty if that metadata was deleted.</summary>
    public string WelcomeText => throw new NotImplementedException("Step 4: implement Chat.WelcomeText (see README, step 4).");

    /// <summary>Replaces the welcome text in the metadata of <see cref="Rooms"/>; subscribers from now on get the new one.</summary>
    /// <param name="text">The new welcome text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public void ChangeWelcome(string text) => throw new NotImplementedException("Step 4: implement Chat.ChangeWelcome (see README, step 4).");

    /// <summary>The via-name of the room <paramref name="room"/>: its name in <see cref="Rooms"/>. Servers are started and called by it.</summary>
    /// <param name="room">The room's name.</param>
    public ServerName NameOf(string room) => throw new NotImplementedException("Step 2: implement Chat.NameOf (see README, step 2).");

    /// <summary>
    /// Opens the room <paramref name="room"/>: starts a <see cref="ChatRoom"/> (not linked to anything) registered in
    /// <see cref="Rooms"/> under the room's name, with <paramref name="topic"/> as the entry's value, and returns its pid.
    /// If the room is open already, no second server starts: the pid of the one that runs is returned (and its topic stays).
    /// </summary>
    /// <param name="room">The room's name.</param>
    /// <param name="topic">What the room is about.</param>
    /// <exception cref="ArgumentNullException"><paramref name="room"/> or <paramref name="topic"/> is null.</exception>
    public Task<Pid> OpenAsync(string room, string topic) => throw new NotImplementedException("Step 1: implement Chat.OpenAsync (see README, steps 1 and 4).");

    /// <summary>The pid of the open room <paramref name="room"/>, or null if no live room has that name.</summary>
    /// <param name="room">The room's name.</param>
    public Pid? WhereIs(string room) => throw new NotImplementedException("Step 1: implement Chat.WhereIs (see README, step 1).");

    /// <summary>Posts a message to the room <paramref name="room"/>, calling it by its name; returns how many messages the room holds now.</summary>
    /// <param name="room">The room's name.</param>
    /// <param name="author">Who writes.</param>
    /// <param name="text">What they write.</param>
    /// <exception cref="NoProcessException">No room of that name is open.</exception>
    public Task<int> PostAsync(string room, string author, string text) => throw new NotImplementedException("Step 2: implement Chat.PostAsync (see README, step 2).");

    /// <summary>Every message posted to the room <paramref name="room"/>, oldest first, asked of the room by its name.</summary>
    /// <param name="room">The room's name.</param>
    /// <exception cref="NoProcessException">No room of that name is open.</exception>
    public Task<IReadOnlyList<ChatMessage>> HistoryAsync(string room) => throw new NotImplementedException("Step 2: implement Chat.HistoryAsync (see README, step 2).");

    /// <summary>Closes the room <paramref name="room"/>: stops its server (reason <c>normal</c>), by its name; returns once it has exited.</summary>
    /// <param name="room">The room's name.</param>
    /// <exception cref="NoProcessException">No room of that name is open.</exception>
    public Task CloseAsync(string room) => throw new NotImplementedException("Step 3: implement Chat.CloseAsync (see README, step 3).");

    /// <summary>The names of the open rooms whose topic is <paramref name="topic"/>, in ordinal order.</summary>
    /// <param name="topic">The topic.</param>
    public IReadOnlyList<string> RoomsAbout(string topic) => throw new NotImplementedException("Step 4: implement Chat.RoomsAbout (see README, step 4).");

    /// <summary>How many open rooms have the topic <paramref name="topic"/>.</summary>
    /// <param name="topic">The topic.</param>
    public int CountRoomsAbout(string topic) => throw new NotImplementedException("Step 4: implement Chat.CountRoomsAbout (see README, step 4).");

    /// <summary>
    /// Subscribes <paramref name="subscriber"/> to the room <paramref name="room"/> under <paramref name="nickname"/>:
    /// registers it in <see cref="Subscribers"/> under the room's name (the room need not be open), then sends it a
    /// <see cref="Welcome"/> with the current welcome text. From then on it receives every <see cref="ChatMessage"/>
    /// posted to the room, until it unsubscribes or exits. False, and nothing sent, if <paramref name="subscriber"/> is not alive.
    /// </summary>
    /// <param name="subscriber">The process that will receive the room's posts.</param>
    /// <param name="room">The room's name.</param>
    /// <param name="nickname">The subscriber's name in the room.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subscriber"/>, <paramref name="room"/> or <paramref name="nickname"/> is null.</exception>
    public bool Subscribe(Pid subscriber, string room, string nickname) => throw new NotImplementedException("Step 5: implement Chat.Subscribe (see README, step 5).");

    /// <summary>Unsubscribes <paramref name="subscriber"/> from the room <paramref name="room"/>: it receives the room's posts no more.</summary>
    /// <param name="subscriber">The subscribed process.</param>
    /// <param name="room">The room's name.</param>
    public void Unsubscribe(Pid subscriber, string room) => throw new NotImplementedException("Step 5: implement Chat.Unsubscribe (see README, step 5).");

    /// <summary>The nicknames of the live subscribers of the room <paramref name="room"/>, in the order they subscribed.</summary>
    /// <param name="room">The room's name.</param>
    public IReadOnlyList<string> MembersOf(string room) => throw new NotImplementedException("Step 5: implement Chat.MembersOf (see README, step 5).");
}
