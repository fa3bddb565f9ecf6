using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Registries.Tests;

/// <summary>Step 4: what a registry knows besides pids: an entry's value, the registry's metadata, select and count.</summary>
public sealed class Step4_Ask_the_registry : NodeTest
{
    protected override int Step => 4;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_room_is_registered_with_its_topic_as_the_value(CancellationToken cancellationToken)
    {
        var lobby = await OpenAsync("lobby", "general");
        var studio = await OpenAsync("studio", "music");

        Assert.That(Chat.Rooms.Lookup("lobby"), Is.EqualTo(new[] { new RegistryEntry(lobby, "general") }),
            $"Step 4: the lobby's entry in Rooms holds its topic as the value; got {Show(Chat.Rooms.Lookup("lobby"))} {See}.");
        Assert.That(Chat.Rooms.Lookup("studio"), Is.EqualTo(new[] { new RegistryEntry(studio, "music") }),
            $"Step 4: the studio's entry in Rooms holds its topic as the value; got {Show(Chat.Rooms.Lookup("studio"))} {See}.");
        Assert.That(await OpenAsync("lobby", "music"), Is.EqualTo(lobby), $"Step 4: reopening the lobby gives the same room {See}.");
        Assert.That(Chat.Rooms.Lookup("lobby").Single().Value, Is.EqualTo("general"),
            $"Step 4: reopening an open room with another topic changes nothing: the room keeps its topic {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Rooms_about_a_topic_are_listed_by_name_and_counted(CancellationToken cancellationToken)
    {
        await OpenAsync("studio", "music");
        await OpenAsync("lobby", "general");
        await OpenAsync("garage", "music");
        await OpenAsync("cellar", "music");

        Assert.That(Chat.RoomsAbout("music"), Is.EqualTo(new[] { "cellar", "garage", "studio" }),
            $"Step 4: RoomsAbout(\"music\") lists the names of the rooms with that topic, in ordinal order; got {Show(Chat.RoomsAbout("music"))} {See}.");
        Assert.That(Chat.CountRoomsAbout("music"), Is.EqualTo(3), $"Step 4: three rooms are about music {See}.");
        Assert.That(Chat.RoomsAbout("general"), Is.EqualTo(new[] { "lobby" }), $"Step 4: one room is about general {See}.");
        Assert.That(Chat.RoomsAbout("knitting"), Is.Empty, $"Step 4: no room is about knitting {See}.");
        Assert.That(Chat.CountRoomsAbout("knitting"), Is.Zero, $"Step 4: no room is about knitting, so the count is 0 {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_closed_room_is_neither_listed_nor_counted(CancellationToken cancellationToken)
    {
        await OpenAsync("studio", "music");
        var garage = await OpenAsync("garage", "music");

        await ExitOf(garage, "the garage", () => CompletesAsync(Chat.CloseAsync("garage"), "CloseAsync(\"garage\")"));

        Assert.That(Chat.RoomsAbout("music"), Is.EqualTo(new[] { "studio" }),
            $"Step 4: a closed room is not listed; got {Show(Chat.RoomsAbout("music"))} {See}.");
        Assert.That(Chat.CountRoomsAbout("music"), Is.EqualTo(1), $"Step 4: a closed room is not counted {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public void The_welcome_text_is_kept_in_the_metadata_of_the_rooms_registry(CancellationToken cancellationToken)
    {
        Assert.That(Chat.Rooms.TryGetMeta(Chat.WelcomeKey, out var first) ? first : "(no metadata)", Is.EqualTo(FirstWelcome),
            $"Step 4: the welcome text given to the constructor is in the Rooms registry's metadata under Chat.WelcomeKey {See}.");
        Assert.That(Chat.WelcomeText, Is.EqualTo(FirstWelcome), $"Step 4: WelcomeText reads it from there {See}.");

        Chat.ChangeWelcome("Be brief.");

        Assert.That(Chat.Rooms.TryGetMeta(Chat.WelcomeKey, out var second) ? second : "(no metadata)", Is.EqualTo("Be brief."),
            $"Step 4: ChangeWelcome replaces the metadata under Chat.WelcomeKey {See}.");
        Assert.That(Chat.WelcomeText, Is.EqualTo("Be brief."), $"Step 4: WelcomeText gives the new text {See}.");

        Assert.That(() => Chat.ChangeWelcome(null!), Throws.ArgumentNullException, $"Step 4: ChangeWelcome(null) throws ArgumentNullException {See}.");
        Assert.That(Chat.WelcomeText, Is.EqualTo("Be brief."), $"Step 4: a refused ChangeWelcome leaves the welcome as it was {See}.");

        Chat.Rooms.PutMeta(Chat.WelcomeKey, "Be patient.");
        Assert.That(Chat.WelcomeText, Is.EqualTo("Be patient."),
            $"Step 4: WelcomeText reads the registry's metadata each time; it keeps no copy of its own {See}.");

        Chat.Rooms.DeleteMeta(Chat.WelcomeKey);
        Assert.That(Chat.WelcomeText, Is.EqualTo(""), $"Step 4: with the metadata deleted, WelcomeText is empty; got \"{Chat.WelcomeText}\" {See}.");
    }
}
