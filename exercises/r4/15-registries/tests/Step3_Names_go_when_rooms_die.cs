using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Tests;

/// <summary>Step 3: a room's name goes with its process, whether it is closed or crashes; a dictionary of pids keeps it.</summary>
public sealed class Step3_Names_go_when_rooms_die : NodeTest
{
    protected override int Step => 3;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_closed_room_has_exited_and_is_no_longer_found(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");

        var reason = await ExitOf(lobby, "the lobby", () => CompletesAsync(Chat.CloseAsync("lobby"), "CloseAsync(\"lobby\")"));

        Assert.That(reason, Is.EqualTo(ExitReason.Normal), $"Step 3: CloseAsync stops the room with the reason normal; got {Describe(reason)} {See}.");
        Assert.That(Chat.WhereIs("lobby"), Is.Null, $"Step 3: once the lobby has exited, WhereIs(\"lobby\") is null {See}.");
        Assert.ThrowsAsync<NoProcessException>(() => Chat.PostAsync("lobby", "ada", "still there?"),
            $"Step 3: a post to a closed room fails with NoProcessException {See}.");
        Assert.ThrowsAsync<NoProcessException>(() => Chat.CloseAsync("lobby"),
            $"Step 3: closing a room that is not open fails with NoProcessException {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_room_frees_its_name_and_opening_it_again_starts_a_new_server(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby");
        await CompletesAsync(Chat.PostAsync("lobby", "ada", "hello"), "PostAsync to the lobby");

        await ExitOf(lobby, "the lobby", () =>
        {
            Node.Exit(lobby, ExitReason.Kill); // a crash nobody cleans up after: the room runs no code of its own
            return Task.CompletedTask;
        });

        Assert.That(Chat.WhereIs("lobby"), Is.Null, $"Step 3: a killed room is not found any more: its registry entry went with it {See}.");
        var again = await OpenAsync("lobby");
        Assert.That(again, Is.Not.EqualTo(lobby), $"Step 3: opening the lobby after its crash starts a new server, not the dead one ({lobby}) {See}.");
        Assert.That(Chat.WhereIs("lobby"), Is.EqualTo(again), $"Step 3: WhereIs finds the new lobby {See}.");
        Assert.That(await CompletesAsync(Chat.HistoryAsync("lobby"), "HistoryAsync of the new lobby"), Is.Empty,
            $"Step 3: the new lobby is a new process with a fresh state: the dead one's messages died with it {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_dictionary_of_pids_still_names_a_dead_room_the_registry_does_not(CancellationToken cancellationToken)
    {
        var pids = new PidDictionary();
        var lobby = await OpenAsync("lobby");
        pids.TryAdd("lobby", lobby);

        await ExitOf(lobby, "the lobby", () =>
        {
            Node.Exit(lobby, ExitReason.Kill);
            return Task.CompletedTask;
        });

        // What goes wrong without a registry: the dictionary still names the dead pid and refuses the name to a new room.
        Assert.That(pids.WhereIs("lobby"), Is.EqualTo(lobby), "Step 3: the given PidDictionary is unchanged (see README, step 3).");
        Assert.That(pids.TryAdd("lobby", NewInbox().Self), Is.False, "Step 3: the given PidDictionary is unchanged (see README, step 3).");
        // What a registry does instead: the entry belonged to the room, so it went when the room did.
        Assert.That(Chat.WhereIs("lobby"), Is.Null,
            $"Step 3: a dictionary of pids still names the dead lobby ({pids.WhereIs("lobby")}); the chat's WhereIs must not: " +
            $"ask the Rooms registry, whose entries go with their process {See}.");
        Assert.That(await OpenAsync("lobby"), Is.Not.EqualTo(lobby),
            $"Step 3: a dictionary refuses the name \"lobby\" to a new room; the chat opens a new lobby at once {See}.");
    }
}
