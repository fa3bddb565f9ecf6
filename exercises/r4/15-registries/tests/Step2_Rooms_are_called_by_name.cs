using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Tests;

/// <summary>Step 2: via-names: rooms are started and called by their name in the registry, never by a pid kept aside.</summary>
public sealed class Step2_Rooms_are_called_by_name : NodeTest
{
    protected override int Step => 2;

    [Test]
    [CancelAfter(10_000)]
    public async Task Posts_reach_the_room_by_its_name_and_are_kept_in_order(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby");

        var one = await CompletesAsync(Chat.PostAsync("lobby", "ada", "hello"), "PostAsync to the lobby");
        var two = await CompletesAsync(Chat.PostAsync("lobby", "bob", "hi ada"), "PostAsync to the lobby");
        var history = await CompletesAsync(Chat.HistoryAsync("lobby"), "HistoryAsync of the lobby");

        Assert.That((one, two), Is.EqualTo((1, 2)), $"Step 2: a post replies with how many messages the room holds: 1, then 2; got {one}, then {two} {See}.");
        Assert.That(history, Is.EqualTo(new[] { new ChatMessage("lobby", "ada", "hello"), new ChatMessage("lobby", "bob", "hi ada") }),
            $"Step 2: the history is every post, oldest first, each with the room's name; got {Show(history)} {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_name_of_a_room_is_its_key_in_the_rooms_registry(CancellationToken cancellationToken)
    {
        // The test starts a room itself under the chat's via-name: PostAsync must reach it through the name.
        var name = Chat.NameOf("kitchen");
        var kitchen = await CompletesAsync(GenServer.StartAsync(Node, new ChatRoom("kitchen", Chat.Subscribers), name), "a ChatRoom started under NameOf(\"kitchen\")");

        Assert.That(name.Registry, Is.SameAs(Chat.Rooms), $"Step 2: NameOf gives a via-name in the Rooms registry {See}.");
        Assert.That(Chat.Rooms.Lookup("kitchen").Select(e => e.Pid), Is.EqualTo(new[] { kitchen }),
            $"Step 2: a server started under NameOf(\"kitchen\") registers in Rooms under \"kitchen\" {See}.");
        Assert.That(await CompletesAsync(Chat.PostAsync("kitchen", "ada", "tea?"), "PostAsync to the kitchen"), Is.EqualTo(1),
            $"Step 2: PostAsync calls the room by its name, whoever started it {See}.");
        Assert.That(await CompletesAsync(GenServer.CallAsync<IReadOnlyList<ChatMessage>>(Node, kitchen, new History()), "a History call"),
            Is.EqualTo(new[] { new ChatMessage("kitchen", "ada", "tea?") }),
            $"Step 2: the post went to the server registered under the name {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Posting_to_a_room_that_is_not_open_fails_with_noproc(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby");

        Assert.ThrowsAsync<NoProcessException>(() => Chat.PostAsync("attic", "ada", "anyone?"),
            $"Step 2: a call through a via-name nobody holds fails at once with NoProcessException (noproc) {See}.");
        Assert.ThrowsAsync<NoProcessException>(() => Chat.HistoryAsync("attic"),
            $"Step 2: HistoryAsync of a room not open fails with NoProcessException too {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_call_the_room_does_not_know_stops_it_as_any_GenServer_would(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");

        var reason = await ExitOf(lobby, "the lobby", () =>
        {
            Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<object>(Node, Chat.NameOf("lobby"), "dance"),
                $"Step 2: a call the room does not understand goes to base.HandleCall, which stops the room; the caller sees it exit {See}.");
            return Task.CompletedTask;
        });

        Assert.That(reason is (Atom { Name: "bad_call" }, "dance"), Is.True,
            $"Step 2: the room stops with (bad_call, request) as base.HandleCall does; got {Describe(reason)} {See}.");
    }
}
