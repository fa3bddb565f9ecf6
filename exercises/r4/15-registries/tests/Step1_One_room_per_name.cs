using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Tests;

/// <summary>Step 1: unique keys: one room server per room name, found by its name.</summary>
public sealed class Step1_One_room_per_name : NodeTest
{
    protected override int Step => 1;

    [Test]
    [CancelAfter(10_000)]
    public async Task Opening_a_room_starts_a_server_found_under_its_name(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");

        Assert.That(Node.IsAlive(lobby), Is.True, $"Step 1: OpenAsync returns the pid of a running room server {See}.");
        Assert.That(Chat.WhereIs("lobby"), Is.EqualTo(lobby),
            $"Step 1: WhereIs(\"lobby\") finds the room OpenAsync started ({lobby}) {See}.");
        Assert.That(Chat.Rooms.Kind, Is.EqualTo(RegistryKeys.Unique), $"Step 1: Rooms is a registry with unique keys: one room per name {See}.");
        Assert.That(Chat.Rooms.Lookup("lobby"), Has.Count.EqualTo(1).And.Exactly(1).Property(nameof(RegistryEntry.Pid)).EqualTo(lobby),
            $"Step 1: the room's server is registered in Rooms under the room's name; Rooms.Lookup(\"lobby\") gave {Show(Chat.Rooms.Lookup("lobby"))} {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Opening_an_open_room_again_gives_the_same_server(CancellationToken cancellationToken)
    {
        var first = await OpenAsync("lobby");
        var second = await OpenAsync("lobby");

        Assert.That(second, Is.EqualTo(first),
            $"Step 1: opening \"lobby\" again gives the room that runs ({first}), not {second}: one server per name {See}.");
        Assert.That(Node.Processes(), Is.EqualTo(new[] { first }),
            $"Step 1: after opening \"lobby\" twice, one process runs on the node, the first room; got {Show(Node.Processes())} {See}.");
        Assert.That(Chat.Rooms.Count, Is.EqualTo(1), $"Step 1: one room, one entry in Rooms; got {Chat.Rooms.Count} {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Each_name_gets_its_own_server(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");
        var kitchen = await OpenAsync("kitchen");

        Assert.That(kitchen, Is.Not.EqualTo(lobby), $"Step 1: two names, two room servers {See}.");
        Assert.That(Chat.WhereIs("lobby"), Is.EqualTo(lobby), $"Step 1: WhereIs(\"lobby\") finds the lobby {See}.");
        Assert.That(Chat.WhereIs("kitchen"), Is.EqualTo(kitchen), $"Step 1: WhereIs(\"kitchen\") finds the kitchen {See}.");
    }

    [Test]
    public void Null_arguments_are_refused_before_anything_starts()
    {
        Assert.That(() => new Chat(null!, "hi"), Throws.ArgumentNullException, $"Step 1: new Chat(null, welcome) throws ArgumentNullException {See}.");
        Assert.That(() => new Chat(Node, null!), Throws.ArgumentNullException, $"Step 1: new Chat(node, null) throws ArgumentNullException {See}.");
        Assert.That(() => Chat.OpenAsync("lobby", null!), Throws.ArgumentNullException, $"Step 1: OpenAsync(room, null) throws ArgumentNullException {See}.");
        Assert.That(Node.Processes(), Is.Empty, $"Step 1: a refused OpenAsync starts no room; got {Show(Node.Processes())} {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_room_never_opened_is_not_found(CancellationToken cancellationToken)
    {
        await OpenAsync("lobby");

        Assert.That(Chat.WhereIs("attic"), Is.Null, $"Step 1: WhereIs gives null for a room never opened {See}.");
    }
}
