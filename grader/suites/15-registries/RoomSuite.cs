using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Hidden;

/// <summary>Steps 1 to 3: one room per name, calls by name, names freed by death.</summary>
public sealed class RoomSuite : HiddenTest
{
    [Property("Step", 1)]
    [Test]
    public void Null_arguments_are_refused()
    {
        Assert.That(() => new Chat(null!, "hi"), Throws.ArgumentNullException, $"Step 1: new Chat(null, ...) throws ArgumentNullException {See(1)}.");
        Assert.That(() => new Chat(Node, null!), Throws.ArgumentNullException, $"Step 1: new Chat(node, null) throws ArgumentNullException {See(1)}.");
        Assert.That(() => Chat.OpenAsync(null!, "general"), Throws.ArgumentNullException, $"Step 1: OpenAsync(null, topic) throws ArgumentNullException {See(1)}.");
        Assert.That(() => Chat.OpenAsync("lobby", null!), Throws.ArgumentNullException, $"Step 1: OpenAsync(room, null) throws ArgumentNullException {See(1)}.");
        Assert.That(Node.Processes(), Is.Empty, $"Step 1: a refused OpenAsync starts no process {See(1)}.");
    }

    [Property("Step", 1)]
    [Test]
    public void A_new_chat_has_two_registries_and_no_room()
    {
        Assert.That(Chat.Rooms, Is.Not.Null.And.SameAs(Chat.Rooms), $"Step 1: Rooms is one registry, the same at every read {See(1)}.");
        Assert.That(Chat.Subscribers, Is.Not.Null.And.SameAs(Chat.Subscribers), $"Step 1: Subscribers is one registry, the same at every read {See(1)}.");
        Assert.That(Chat.Rooms, Is.Not.SameAs(Chat.Subscribers), $"Step 1: Rooms and Subscribers are two registries {See(1)}.");
        Assert.That(Chat.Rooms.Kind, Is.EqualTo(RegistryKeys.Unique), $"Step 1: Rooms has unique keys {See(1)}.");
        Assert.That(Chat.Subscribers.Kind, Is.EqualTo(RegistryKeys.Duplicate), $"Step 5: Subscribers has duplicate keys {See(5)}.");
        Assert.That(Chat.Rooms.Count + Chat.Subscribers.Count, Is.Zero, $"Step 1: a new chat has no entries {See(1)}.");
        Assert.That(Chat.WhereIs("lobby"), Is.Null, $"Step 1: a new chat finds no room {See(1)}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Many_openers_racing_for_one_room_all_get_the_one_server(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var openers = random.Next(8, 33);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, openers)
            .Select(i => Task.Run(async () =>
            {
                await go.Task;
                return await Chat.OpenAsync("lobby", $"topic {i}");
            }, cancellationToken))
            .ToArray();
        go.SetResult(); // every opener is released at once
        var pids = await CompletesAsync(Task.WhenAll(tasks), $"{openers} OpenAsync(\"lobby\") at once", 1);

        Assert.That(pids.Distinct().Count(), Is.EqualTo(1),
            $"Step 1: {openers} callers opening the lobby at once all get the one room; got {pids.Distinct().Count()} different pids {See(1)}.");
        Assert.That(Node.Processes(), Is.EqualTo(new[] { pids[0] }),
            $"Step 1: after the race one room runs; got {Show(Node.Processes())} {See(1)}.");
        Assert.That(Chat.WhereIs("lobby"), Is.EqualTo(pids[0]), $"Step 1: WhereIs finds the winner {See(1)}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Room_names_are_compared_exactly(CancellationToken cancellationToken)
    {
        var lower = await OpenAsync("lobby");
        var upper = await OpenAsync("Lobby");
        var spaced = await OpenAsync("lobby ");

        Assert.That(new[] { lower, upper, spaced }.Distinct().Count(), Is.EqualTo(3),
            $"Step 1: \"lobby\", \"Lobby\" and \"lobby \" are three names, three rooms {See(1)}.");
        Assert.That(Chat.WhereIs("Lobby"), Is.EqualTo(upper), $"Step 1: WhereIs(\"Lobby\") finds that room {See(1)}.");
        Assert.That(Chat.WhereIs("LOBBY"), Is.Null, $"Step 1: WhereIs(\"LOBBY\") finds nothing {See(1)}.");
    }

    [Property("Step", 1)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_room_is_linked_to_no_one(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");

        Assert.That(Node.GetInfo(lobby)!.Links, Is.Empty, $"Step 1: OpenAsync starts a room not linked to anything {See(1)}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Random_posts_are_counted_and_kept_in_order_room_by_room(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        string[] rooms = ["lobby", "kitchen", "attic"];
        foreach (var room in rooms)
        {
            await OpenAsync(room, step: 2);
        }

        var expected = rooms.ToDictionary(r => r, _ => new List<ChatMessage>());
        var posts = random.Next(10, 40);
        for (var i = 0; i < posts; i++)
        {
            var room = rooms[random.Next(rooms.Length)];
            var message = new ChatMessage(room, $"author{random.Next(5)}", $"text {i} {random.Next()}");
            var count = await CompletesAsync(Chat.PostAsync(room, message.Author, message.Text), $"PostAsync to {room}", 2);
            expected[room].Add(message);
            Assert.That(count, Is.EqualTo(expected[room].Count),
                $"Step 2: post {i} to {room} replies with how many messages {room} holds ({expected[room].Count}); got {count} {See(2)}.");
        }

        foreach (var room in rooms)
        {
            var history = await CompletesAsync(Chat.HistoryAsync(room), $"HistoryAsync({room})", 2);
            Assert.That(history, Is.EqualTo(expected[room]),
                $"Step 2: {room}'s history is its own posts, oldest first; got {Show(history)} {See(2)}.");
        }
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Concurrent_posters_each_get_a_different_count(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        await OpenAsync("lobby", step: 2);
        var posters = random.Next(5, 21);
        var counts = await CompletesAsync(
            Task.WhenAll(Enumerable.Range(0, posters).Select(i => Task.Run(() => Chat.PostAsync("lobby", $"p{i}", $"t{i}"), cancellationToken))),
            $"{posters} posts at once", 2);

        Assert.That(counts.Order(), Is.EqualTo(Enumerable.Range(1, posters)),
            $"Step 2: {posters} posts at once are counted 1 to {posters}, one each (the room handles one call at a time); got {Show(counts)} {See(2)}.");
        var history = await CompletesAsync(Chat.HistoryAsync("lobby"), "HistoryAsync(lobby)", 2);
        Assert.That(history.Select(m => m.Text), Is.EquivalentTo(Enumerable.Range(0, posters).Select(i => $"t{i}")),
            $"Step 2: every post is in the history once {See(2)}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task NameOf_is_a_via_name_keyed_by_the_room(CancellationToken cancellationToken)
    {
        var kitchen = await OpenAsync("kitchen", step: 2);
        var name = Chat.NameOf("kitchen");

        Assert.That(name.Registry, Is.SameAs(Chat.Rooms), $"Step 2: NameOf(room) is a name in Rooms {See(2)}.");
        Assert.That(name.Key, Is.EqualTo("kitchen"), $"Step 2: NameOf(room)'s key is the room's name {See(2)}.");
        Assert.That(name.WhereIs(Node), Is.EqualTo(kitchen), $"Step 2: NameOf(\"kitchen\") reaches the kitchen {See(2)}.");
        Assert.That(Chat.NameOf("attic").WhereIs(Node), Is.Null, $"Step 2: NameOf of a room not open reaches nobody {See(2)}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task The_room_protocol_works_on_a_room_started_directly(CancellationToken cancellationToken)
    {
        var subscribers = new Registry(RegistryKeys.Duplicate);
        var room = await CompletesAsync(GenServer.StartAsync(Node, new ChatRoom("den", subscribers)), "a ChatRoom started with no name", 2);

        var first = await CompletesAsync(GenServer.CallAsync<int>(Node, room, new Post("ada", "one")), "a Post call", 2);
        var second = await CompletesAsync(GenServer.CallAsync<int>(Node, room, new Post("bob", "two")), "a Post call", 2);
        var history = await CompletesAsync(GenServer.CallAsync<IReadOnlyList<ChatMessage>>(Node, room, new History()), "a History call", 2);

        Assert.That((first, second), Is.EqualTo((1, 2)), $"Step 2: Post replies with the count of messages {See(2)}.");
        Assert.That(history, Is.EqualTo(new[] { new ChatMessage("den", "ada", "one"), new ChatMessage("den", "bob", "two") }),
            $"Step 2: the room writes its own name (given to its constructor) into each message; got {Show(history)} {See(2)}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task An_unknown_call_by_pid_stops_the_room_and_frees_its_name(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby", step: 2);
        var request = new object();

        var reason = await ExitOf(lobby, "the lobby", 2, () =>
        {
            Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<object>(Node, lobby, request),
                $"Step 2: an unknown call stops the room {See(2)}.");
            return Task.CompletedTask;
        });

        Assert.That(reason is (Atom { Name: "bad_call" }, var r) && ReferenceEquals(r, request), Is.True,
            $"Step 2: the room stops with (bad_call, request); got {Describe(reason)} {See(2)}.");
        Assert.That(Chat.WhereIs("lobby"), Is.Null, $"Step 3: a stopped room's name is free {See(3)}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Rooms_not_open_answer_every_call_with_noproc(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby", step: 3);

        Assert.ThrowsAsync<NoProcessException>(() => Chat.HistoryAsync("attic"), $"Step 2: HistoryAsync of a room not open: NoProcessException {See(2)}.");
        Assert.ThrowsAsync<NoProcessException>(() => Chat.PostAsync("attic", "a", "b"), $"Step 2: PostAsync to a room not open: NoProcessException {See(2)}.");
        Assert.ThrowsAsync<NoProcessException>(() => Chat.CloseAsync("attic"), $"Step 3: CloseAsync of a room not open: NoProcessException {See(3)}.");
        Assert.That(Chat.WhereIs("lobby"), Is.Not.Null, $"Step 3: closing another room leaves the lobby open {See(3)}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Closing_one_room_leaves_the_others_open(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby", step: 3);
        var kitchen = await OpenAsync("kitchen", step: 3);

        var reason = await ExitOf(kitchen, "the kitchen", 3, () => CompletesAsync(Chat.CloseAsync("kitchen"), "CloseAsync(kitchen)", 3));

        Assert.That(reason, Is.EqualTo(ExitReason.Normal), $"Step 3: a closed room exits normal {See(3)}.");
        Assert.That(Node.IsAlive(lobby) && Chat.WhereIs("lobby") == lobby, Is.True, $"Step 3: closing the kitchen leaves the lobby {See(3)}.");
        Assert.That(Chat.WhereIs("kitchen"), Is.Null, $"Step 3: the kitchen is gone {See(3)}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_name_can_die_and_be_reopened_again_and_again(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var seen = new HashSet<Pid>();
        var cycles = random.Next(5, 15);
        for (var i = 0; i < cycles; i++)
        {
            var lobby = await OpenAsync("lobby", $"t{i}", step: 3);
            Assert.That(seen.Add(lobby), Is.True, $"Step 3: cycle {i}: each reopening after a death is a new room {See(3)}.");
            Assert.That(Chat.Rooms.Lookup("lobby"), Is.EqualTo(new[] { new RegistryEntry(lobby, $"t{i}") }),
                $"Step 4: cycle {i}: the new room is registered with the topic it was opened with; got {Show(Chat.Rooms.Lookup("lobby"))} {See(4)}.");
            if (random.Next(2) == 0)
            {
                await KillAsync(lobby, "the lobby", 3);
            }
            else
            {
                await ExitOf(lobby, "the lobby", 3, () => CompletesAsync(Chat.CloseAsync("lobby"), "CloseAsync(lobby)", 3));
            }

            Assert.That(Chat.WhereIs("lobby"), Is.Null, $"Step 3: cycle {i}: once the lobby has exited, WhereIs finds nothing {See(3)}.");
        }
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Killing_random_rooms_leaves_the_others_found(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var count = random.Next(4, 16);
        var pids = new Dictionary<string, Pid>();
        for (var i = 0; i < count; i++)
        {
            pids[$"room{i}"] = await OpenAsync($"room{i}", step: 3);
        }

        var doomed = pids.Keys.Where(_ => random.Next(3) == 0).ToList();
        foreach (var room in doomed)
        {
            await KillAsync(pids[room], room, 3);
        }

        foreach (var (room, pid) in pids)
        {
            var expected = doomed.Contains(room) ? null : pid;
            Assert.That(Chat.WhereIs(room), Is.EqualTo(expected),
                $"Step 3: after killing {Show(doomed)}, WhereIs(\"{room}\") is {(expected is null ? "null" : "its room")} {See(3)}.");
        }

        foreach (var room in doomed)
        {
            var again = await OpenAsync(room, step: 3);
            Assert.That(again, Is.Not.EqualTo(pids[room]), $"Step 3: {room} reopened after its death is a new room {See(3)}.");
            Assert.That(await CompletesAsync(Chat.HistoryAsync(room), $"HistoryAsync({room})", 3), Is.Empty, $"Step 3: a reopened room starts empty {See(3)}.");
        }
    }
}
