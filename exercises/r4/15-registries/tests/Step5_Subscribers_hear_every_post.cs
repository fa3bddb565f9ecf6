using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Tests;

/// <summary>Step 5: duplicate keys as pub/sub: every subscriber of a room hears each of its posts, and no one else does.</summary>
public sealed class Step5_Subscribers_hear_every_post : NodeTest
{
    protected override int Step => 5;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_new_subscriber_is_welcomed_with_the_welcome_text_of_the_moment(CancellationToken cancellationToken)
    {
        var ada = NewInbox();
        var bob = NewInbox();

        Assert.That(Chat.Subscribe(ada.Self, "lobby", "ada"), Is.True, $"Step 5: a live process can subscribe, even to a room not open yet {See}.");
        Chat.ChangeWelcome("Be brief.");
        Chat.Subscribe(bob.Self, "lobby", "bob");

        Assert.That(await AlreadyReceived<Welcome>(ada), Is.EqualTo(new[] { new Welcome("lobby", FirstWelcome) }),
            $"Step 5: Subscribe sends the subscriber one Welcome with the room and the welcome text of that moment {See}.");
        Assert.That(await AlreadyReceived<Welcome>(bob), Is.EqualTo(new[] { new Welcome("lobby", "Be brief.") }),
            $"Step 5: a subscriber after ChangeWelcome gets the new text {See}.");
        Assert.That(Chat.Subscribers.Kind, Is.EqualTo(RegistryKeys.Duplicate), $"Step 5: Subscribers has duplicate keys: many processes per room {See}.");
        Assert.That(Chat.Subscribers.Lookup("lobby"), Is.EqualTo(new[] { new RegistryEntry(ada.Self, "ada"), new RegistryEntry(bob.Self, "bob") }),
            $"Step 5: each subscriber is registered in Subscribers under the room's name, with its nickname as the value {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_subscriber_of_a_room_hears_each_post_and_no_one_else_does(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");
        await OpenAsync("kitchen");
        var ada = NewInbox();
        var bob = NewInbox();
        var cook = NewInbox();
        Chat.Subscribe(ada.Self, "lobby", "ada");
        Chat.Subscribe(bob.Self, "lobby", "bob");
        Chat.Subscribe(cook.Self, "kitchen", "cook");

        await CompletesAsync(Chat.PostAsync("lobby", "ada", "hello"), "PostAsync to the lobby");

        var expected = new ChatMessage("lobby", "ada", "hello");
        await ReceiveAsync<ChatMessage>(ada, "ada's copy of the lobby's post", m => m == expected, lobby, "the lobby");
        await ReceiveAsync<ChatMessage>(bob, "bob's copy of the lobby's post", m => m == expected, lobby, "the lobby");
        Assert.That(await AlreadyReceived<ChatMessage>(cook), Is.Empty, $"Step 5: a subscriber of the kitchen hears nothing of the lobby {See}.");
        Assert.That(await AlreadyReceived<ChatMessage>(ada), Is.Empty, $"Step 5: each subscriber hears a post once {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_unsubscribed_process_hears_nothing_more(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");
        var ada = NewInbox();
        var bob = NewInbox();
        Chat.Subscribe(ada.Self, "lobby", "ada");
        Chat.Subscribe(bob.Self, "lobby", "bob");

        Chat.Unsubscribe(ada.Self, "lobby");
        await CompletesAsync(Chat.PostAsync("lobby", "bob", "anyone?"), "PostAsync to the lobby");

        await ReceiveAsync<ChatMessage>(bob, "bob's copy of his post", m => m.Text == "anyone?", lobby, "the lobby");
        Assert.That(await AlreadyReceived<ChatMessage>(ada), Is.Empty,
            $"Step 5: ada unsubscribed before the post, so she does not hear it (bob, still subscribed, did) {See}.");
        Assert.That(Chat.MembersOf("lobby"), Is.EqualTo(new[] { "bob" }), $"Step 5: ada is no longer a member; got {Show(Chat.MembersOf("lobby"))} {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_subscriber_that_exits_is_no_longer_a_member(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");
        var ada = NewInbox();
        var bob = NewInbox();
        var cy = NewInbox();
        Chat.Subscribe(ada.Self, "lobby", "ada");
        Chat.Subscribe(bob.Self, "lobby", "bob");
        Chat.Subscribe(cy.Self, "lobby", "cy");
        Assert.That(Chat.MembersOf("lobby"), Is.EqualTo(new[] { "ada", "bob", "cy" }),
            $"Step 5: MembersOf lists the nicknames in the order they subscribed; got {Show(Chat.MembersOf("lobby"))} {See}.");

        await ExitOf(bob.Self, "bob's process", () =>
        {
            Node.Exit(bob.Self, ExitReason.Kill); // bob never unsubscribes: his process just dies
            return Task.CompletedTask;
        });

        Assert.That(Chat.MembersOf("lobby"), Is.EqualTo(new[] { "ada", "cy" }),
            $"Step 5: once bob's process has exited he is no longer a member; got {Show(Chat.MembersOf("lobby"))} {See}.");
        Assert.That(await CompletesAsync(Chat.PostAsync("lobby", "ada", "bye bob"), "PostAsync to the lobby"), Is.EqualTo(1),
            $"Step 5: a post to a room with a dead subscriber still succeeds {See}.");
        await ReceiveAsync<ChatMessage>(cy, "cy's copy of the post", m => m.Text == "bye bob", lobby, "the lobby");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_process_that_is_not_alive_or_a_null_nickname_cannot_subscribe(CancellationToken cancellationToken)
    {
        var gone = NewInbox();
        var pid = gone.Self;
        await ExitOf(pid, "the process", () =>
        {
            gone.Dispose();
            return Task.CompletedTask;
        });

        Assert.That(Chat.Subscribe(pid, "lobby", "ghost"), Is.False, $"Step 5: Subscribe gives false for a process that is not alive {See}.");
        var ada = NewInbox();
        Assert.That(() => Chat.Subscribe(ada.Self, "lobby", null!), Throws.ArgumentNullException, $"Step 5: Subscribe(pid, room, null) throws ArgumentNullException {See}.");
        Assert.That(await AlreadyReceived<Welcome>(ada), Is.Empty, $"Step 5: a refused subscription sends no Welcome {See}.");
        Assert.That(Chat.MembersOf("lobby"), Is.Empty, $"Step 5: a dead process is never a member {See}.");
    }
}
