using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Hidden;

/// <summary>Step 5: duplicate keys as pub/sub.</summary>
public sealed class PubSubSuite : HiddenTest
{
    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Random_subscribers_hear_exactly_their_rooms_posts_in_order_and_the_dead_drop_out(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        string[] rooms = ["lobby", "kitchen", "attic", "cellar"];
        foreach (var room in rooms)
        {
            await OpenAsync(room, step: 5);
        }

        var inboxes = Enumerable.Range(0, random.Next(3, 10)).Select(_ => NewInbox()).ToList();
        var subscriptions = new Dictionary<ProcessContext, HashSet<string>>();
        var members = rooms.ToDictionary(r => r, _ => new List<string>());
        for (var i = 0; i < inboxes.Count; i++)
        {
            subscriptions[inboxes[i]] = [.. rooms.Where(_ => random.Next(2) == 0)];
            foreach (var room in subscriptions[inboxes[i]])
            {
                Assert.That(Chat.Subscribe(inboxes[i].Self, room, $"n{i}"), Is.True, $"Step 5: a live process subscribes {See(5)}.");
                members[room].Add($"n{i}");
            }
        }

        foreach (var room in rooms)
        {
            Assert.That(Chat.MembersOf(room), Is.EqualTo(members[room]), $"Step 5: MembersOf(\"{room}\") in subscription order {See(5)}.");
        }

        var dead = new HashSet<ProcessContext>();
        var expected = inboxes.ToDictionary(i => i, _ => new List<ChatMessage>());
        var posts = random.Next(10, 30);
        for (var p = 0; p < posts; p++)
        {
            if (random.Next(6) == 0 && inboxes.Except(dead).ToList() is { Count: > 0 } alive)
            {
                var victim = alive[random.Next(alive.Count)];
                await KillAsync(victim.Self, "a subscriber", 5);
                dead.Add(victim);
                var nick = $"n{inboxes.IndexOf(victim)}";
                foreach (var room in rooms)
                {
                    members[room].Remove(nick);
                }
            }

            var where = rooms[random.Next(rooms.Length)];
            var message = new ChatMessage(where, $"a{p}", $"post {p}");
            await CompletesAsync(Chat.PostAsync(where, message.Author, message.Text), $"PostAsync to {where}", 5);
            foreach (var inbox in inboxes.Where(i => !dead.Contains(i) && subscriptions[i].Contains(where)))
            {
                expected[inbox].Add(message);
            }
        }

        foreach (var room in rooms)
        {
            Assert.That(Chat.MembersOf(room), Is.EqualTo(members[room]),
                $"Step 5: after some subscribers died, MembersOf(\"{room}\") lists the live ones in subscription order; got {Show(Chat.MembersOf(room))} {See(5)}.");
        }

        foreach (var inbox in inboxes.Where(i => !dead.Contains(i)))
        {
            var got = await AlreadyReceived<ChatMessage>(inbox);
            Assert.That(got, Is.EqualTo(expected[inbox]),
                $"Step 5: a subscriber of {Show(subscriptions[inbox].Order())} hears each post to those rooms once, in order, by the time the post returns, and nothing else; got {Show(got)} {See(5)}.");
        }
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task The_welcome_comes_first_and_carries_the_room(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby", step: 5);
        var ada = NewInbox();

        Chat.Subscribe(ada.Self, "lobby", "ada");
        await CompletesAsync(Chat.PostAsync("lobby", "bob", "hi"), "PostAsync to the lobby", 5);
        Chat.Subscribe(ada.Self, "kitchen", "ada");

        var mailbox = await Mailbox(ada);
        Assert.That(mailbox, Is.EqualTo(new object[] { new Welcome("lobby", FirstWelcome), new ChatMessage("lobby", "bob", "hi"), new Welcome("kitchen", FirstWelcome) }),
            $"Step 5: Subscribe sends its Welcome before returning, one per subscription, with that room's name; got {Show(mailbox)} {See(5)}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_dead_process_gets_no_welcome_and_no_entry(CancellationToken cancellationToken)
    {
        var ghost = NewInbox();
        await KillAsync(ghost.Self, "the process", 5);

        Assert.That(Chat.Subscribe(ghost.Self, "lobby", "ghost"), Is.False, $"Step 5: a dead process cannot subscribe {See(5)}.");
        Assert.That(Chat.Subscribers.Count, Is.Zero, $"Step 5: a refused subscription leaves no entry {See(5)}.");
        Assert.That(Chat.Subscribers.Lookup("lobby"), Is.Empty, $"Step 5: a refused subscription leaves no entry {See(5)}.");
    }

    [Property("Step", 5)]
    [Test]
    public void Null_subscriptions_are_refused()
    {
        var ada = NewInbox();

        Assert.That(() => Chat.Subscribe(null!, "lobby", "ada"), Throws.ArgumentNullException, $"Step 5: Subscribe(null, ...) throws ArgumentNullException {See(5)}.");
        Assert.That(() => Chat.Subscribe(ada.Self, null!, "ada"), Throws.ArgumentNullException, $"Step 5: Subscribe(pid, null, ...) throws ArgumentNullException {See(5)}.");
        Assert.That(() => Chat.Subscribe(ada.Self, "lobby", null!), Throws.ArgumentNullException, $"Step 5: Subscribe(pid, room, null) throws ArgumentNullException {See(5)}.");
        Assert.That(Chat.Subscribers.Count, Is.Zero, $"Step 5: a refused subscription leaves no entry {See(5)}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Subscribing_before_the_room_opens_hears_its_posts(CancellationToken cancellationToken)
    {
        var ada = NewInbox();
        Assert.That(Chat.Subscribe(ada.Self, "lobby", "ada"), Is.True, $"Step 5: a room need not be open to be subscribed to {See(5)}.");
        await OpenAsync("lobby", step: 5);

        await CompletesAsync(Chat.PostAsync("lobby", "bob", "first"), "PostAsync to the lobby", 5);

        Assert.That(await AlreadyReceived<ChatMessage>(ada), Is.EqualTo(new[] { new ChatMessage("lobby", "bob", "first") }),
            $"Step 5: the room asks the registry at each post, so an earlier subscriber hears it {See(5)}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Subscribers_outlive_their_room_and_hear_its_successor(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby", step: 5);
        var ada = NewInbox();
        Chat.Subscribe(ada.Self, "lobby", "ada");

        await KillAsync(lobby, "the lobby", 5);
        await OpenAsync("lobby", step: 5);
        await CompletesAsync(Chat.PostAsync("lobby", "bob", "again"), "PostAsync to the new lobby", 5);

        Assert.That(Chat.MembersOf("lobby"), Is.EqualTo(new[] { "ada" }), $"Step 5: a subscription belongs to the subscriber, not to the room {See(5)}.");
        Assert.That(await AlreadyReceived<ChatMessage>(ada), Is.EqualTo(new[] { new ChatMessage("lobby", "bob", "again") }),
            $"Step 5: the new lobby's posts reach the subscriber of the old one {See(5)}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Unsubscribing_from_one_room_keeps_the_others(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby", step: 5);
        await OpenAsync("kitchen", step: 5);
        var ada = NewInbox();
        Chat.Subscribe(ada.Self, "lobby", "ada");
        Chat.Subscribe(ada.Self, "kitchen", "chef");

        Chat.Unsubscribe(ada.Self, "lobby");
        Chat.Unsubscribe(ada.Self, "attic"); // never subscribed: nothing happens
        await CompletesAsync(Chat.PostAsync("lobby", "x", "to lobby"), "PostAsync to the lobby", 5);
        await CompletesAsync(Chat.PostAsync("kitchen", "x", "to kitchen"), "PostAsync to the kitchen", 5);

        Assert.That(await AlreadyReceived<ChatMessage>(ada), Is.EqualTo(new[] { new ChatMessage("kitchen", "x", "to kitchen") }),
            $"Step 5: after unsubscribing from the lobby only, ada hears the kitchen only {See(5)}.");
        Assert.That(Chat.MembersOf("kitchen"), Is.EqualTo(new[] { "chef" }), $"Step 5: the nickname is per subscription {See(5)}.");
        Assert.That(Chat.MembersOf("lobby"), Is.Empty, $"Step 5: ada left the lobby {See(5)}.");
        Assert.That(Node.IsAlive(ada.Self), Is.True, $"Step 5: unsubscribing does not touch the process {See(5)}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Other_subscribers_are_not_unsubscribed(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby", step: 5);
        var ada = NewInbox();
        var bob = NewInbox();
        Chat.Subscribe(ada.Self, "lobby", "ada");
        Chat.Subscribe(bob.Self, "lobby", "bob");

        Chat.Unsubscribe(bob.Self, "lobby");

        Assert.That(Chat.Subscribers.Lookup("lobby"), Is.EqualTo(new[] { new RegistryEntry(ada.Self, "ada") }),
            $"Step 5: Unsubscribe removes that subscriber's entry only; got {Show(Chat.Subscribers.Lookup("lobby"))} {See(5)}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_post_to_a_room_nobody_listens_to_is_still_kept(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby", step: 5);
        var ada = NewInbox();
        Chat.Subscribe(ada.Self, "kitchen", "ada");

        Assert.That(await CompletesAsync(Chat.PostAsync("lobby", "x", "echo"), "PostAsync to the lobby", 5), Is.EqualTo(1),
            $"Step 5: a post with no subscribers is counted {See(5)}.");
        Assert.That(Node.IsAlive(lobby), Is.True, $"Step 5: a room with no subscribers keeps running {See(5)}.");
        Assert.That(await AlreadyReceived<ChatMessage>(ada), Is.Empty, $"Step 5: a subscriber of the kitchen hears nothing of the lobby {See(5)}.");
    }
}
