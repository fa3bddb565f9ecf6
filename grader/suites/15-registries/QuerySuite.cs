using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Hidden;

/// <summary>Step 4: entry values, select and count, metadata.</summary>
public sealed class QuerySuite : HiddenTest
{
    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Random_topics_are_selected_and_counted_and_follow_deaths(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        string[] topics = ["music", "Music", "chess", "food", "music "];
        var rooms = new Dictionary<string, (Pid Pid, string Topic)>();
        var count = random.Next(6, 20);
        for (var i = 0; i < count; i++)
        {
            var name = $"{(char)('a' + random.Next(26))}{(char)('A' + random.Next(26))}{i}";
            var topic = topics[random.Next(topics.Length)];
            rooms[name] = (await OpenAsync(name, topic, step: 4), topic);
        }

        void Check(string when)
        {
            foreach (var topic in topics.Append("knitting"))
            {
                var expected = rooms.Where(r => r.Value.Topic == topic).Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();
                Assert.That(Chat.RoomsAbout(topic), Is.EqualTo(expected),
                    $"Step 4: {when}, RoomsAbout(\"{topic}\") is the live rooms with exactly that topic, in ordinal order; got {Show(Chat.RoomsAbout(topic))} {See(4)}.");
                Assert.That(Chat.CountRoomsAbout(topic), Is.EqualTo(expected.Length),
                    $"Step 4: {when}, CountRoomsAbout(\"{topic}\") is {expected.Length} {See(4)}.");
            }
        }

        Check("after opening the rooms");
        foreach (var name in rooms.Keys.Where(_ => random.Next(3) == 0).ToList())
        {
            await KillAsync(rooms[name].Pid, name, 4);
            rooms.Remove(name);
        }

        Check("after killing some rooms");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Rooms_are_listed_in_ordinal_not_alphabetical_order(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "b", "a", "B", "_", "A", "ä" })
        {
            await OpenAsync(name, "t", step: 4);
        }

        Assert.That(Chat.RoomsAbout("t"), Is.EqualTo(new[] { "A", "B", "_", "a", "b", "ä" }),
            $"Step 4: RoomsAbout sorts with StringComparer.Ordinal (upper case before lower case); got {Show(Chat.RoomsAbout("t"))} {See(4)}.");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Select_and_count_look_only_at_the_value(CancellationToken cancellationToken)
    {
        await OpenAsync("music", "chess", step: 4);
        await OpenAsync("chess", "music", step: 4);

        Assert.That(Chat.RoomsAbout("music"), Is.EqualTo(new[] { "chess" }),
            $"Step 4: RoomsAbout matches the topic (the value), not the room's name (the key) {See(4)}.");
        Assert.That(Chat.CountRoomsAbout("chess"), Is.EqualTo(1), $"Step 4: CountRoomsAbout counts by topic, not by name {See(4)}.");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_subscription_is_no_room(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby", "general", step: 4);
        var ada = NewInbox();
        Chat.Subscribe(ada.Self, "general", "general");

        Assert.That(Chat.RoomsAbout("general"), Is.EqualTo(new[] { "lobby" }), $"Step 4: RoomsAbout asks Rooms only {See(4)}.");
        Assert.That(Chat.CountRoomsAbout("general"), Is.EqualTo(1), $"Step 4: CountRoomsAbout asks Rooms only {See(4)}.");
        Assert.That(Chat.WhereIs("general"), Is.Null, $"Step 1: WhereIs asks Rooms only {See(1)}.");
    }

    [Property("Step", 4)]
    [Test]
    public void The_welcome_is_metadata_from_the_start_and_each_change_replaces_it()
    {
        var random = Seeded.Random();
        Assert.That(Chat.Rooms.TryGetMeta(Chat.WelcomeKey, out var first), Is.True, $"Step 4: Rooms has the welcome text as metadata from the start {See(4)}.");
        Assert.That(first, Is.EqualTo(FirstWelcome), $"Step 4: the metadata is the constructor's welcome text {See(4)}.");
        Assert.That(Chat.WelcomeKey, Is.EqualTo("welcome"), $"Step 4: WelcomeKey is \"welcome\" {See(4)}.");
        Assert.That(Chat.Subscribers.TryGetMeta(Chat.WelcomeKey, out _), Is.False, $"Step 4: the welcome text is metadata of Rooms, not of Subscribers {See(4)}.");

        for (var i = 0; i < 5; i++)
        {
            var text = $"welcome {random.Next()}";
            Chat.ChangeWelcome(text);
            Assert.That(Chat.WelcomeText, Is.EqualTo(text), $"Step 4: WelcomeText after ChangeWelcome(\"{text}\") {See(4)}.");
            Assert.That(Chat.Rooms.TryGetMeta(Chat.WelcomeKey, out var meta) ? meta : null, Is.EqualTo(text), $"Step 4: ChangeWelcome writes the metadata {See(4)}.");
        }

        Chat.ChangeWelcome("");
        Assert.That(Chat.WelcomeText, Is.EqualTo(""), $"Step 4: an empty welcome is a welcome too {See(4)}.");
        Assert.That(() => Chat.ChangeWelcome(null!), Throws.ArgumentNullException, $"Step 4: ChangeWelcome(null) throws ArgumentNullException {See(4)}.");
        Assert.That(Chat.WelcomeText, Is.EqualTo(""), $"Step 4: a refused ChangeWelcome changes nothing {See(4)}.");
    }

    [Property("Step", 4)]
    [Test]
    public void The_welcome_is_empty_when_its_metadata_was_deleted()
    {
        Chat.Rooms.DeleteMeta(Chat.WelcomeKey);

        Assert.That(Chat.WelcomeText, Is.EqualTo(""), $"Step 4: WelcomeText is empty when the metadata under WelcomeKey was deleted {See(4)}.");
        Chat.ChangeWelcome("Back.");
        Assert.That(Chat.WelcomeText, Is.EqualTo("Back."), $"Step 4: ChangeWelcome puts the metadata back {See(4)}.");
    }

    [Property("Step", 4)]
    [Test]
    public void Two_chats_keep_their_own_welcome()
    {
        var other = new Chat(Node, "Other welcome.");
        other.ChangeWelcome("Changed.");

        Assert.That(Chat.WelcomeText, Is.EqualTo(FirstWelcome), $"Step 4: each chat has its own registries and metadata {See(4)}.");
        Assert.That(other.WelcomeText, Is.EqualTo("Changed."), $"Step 4: each chat has its own registries and metadata {See(4)}.");
        Assert.That(other.Rooms, Is.Not.SameAs(Chat.Rooms), $"Step 1: each chat makes its own registries {See(1)}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Two_chats_on_one_node_have_separate_rooms(CancellationToken cancellationToken)
    {
        var other = new Chat(Node, "Other welcome.");
        var mine = await OpenAsync("lobby", "a", step: 1);
        var theirs = await CompletesAsync(other.OpenAsync("lobby", "b"), "the other chat's OpenAsync(lobby)", 1);

        Assert.That(theirs, Is.Not.EqualTo(mine), $"Step 1: two chats have two lobbies: the names live in each chat's own registry {See(1)}.");
        await CompletesAsync(other.PostAsync("lobby", "x", "y"), "the other chat's PostAsync", 2);
        Assert.That(await CompletesAsync(Chat.HistoryAsync("lobby"), "HistoryAsync(lobby)", 2), Is.Empty,
            $"Step 2: a post to the other chat's lobby does not reach this chat's lobby {See(2)}.");
    }
}
