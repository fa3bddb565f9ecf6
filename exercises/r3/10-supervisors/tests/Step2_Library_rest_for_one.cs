using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Tests;

/// <summary>Step 2: rest_for_one, for a cache that must be loaded again whenever its loader restarts.</summary>
public sealed class Step2_Library_rest_for_one : NodeTest
{
    protected override int Step => 2;

    private async Task<Pid> LoadedFromAsync(Pid index)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        return await GenServer.CallAsync<Pid>(Node, index, new LoadedFrom(), cancellationToken: patience.Token);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_library_starts_the_archive_then_the_index_loaded_from_it(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Journal), "the library");

        var children = await ChildrenAsync(library, "the library");
        Assert.That(children.Select(c => c.Id), Is.EqualTo(new object[] { typeof(SearchIndex), typeof(Archive) }),
            $"Step 2: the library's children are the Archive, then the SearchIndex, with the ids ChildSpec.For gives them (their types); " +
            $"WhichChildrenAsync lists the newest first. Got {Ids(children)} {See}.");
        var archive = await ChildAsync(library, typeof(Archive), "the library");
        var index = await ChildAsync(library, typeof(SearchIndex), "the library");
        Assert.That(GenServer.WhereIs(Node, Archive.Name), Is.EqualTo(archive),
            $"Step 2: the archive is registered as \"{Archive.Name}\" (ChildSpec.For's name), so the index can find it {See}.");
        Assert.That(await LoadedFromAsync(index), Is.EqualTo(archive), $"Step 2: the index loaded its catalogue from the running archive {See}.");
        Assert.That(Journal.StartedWorkers, Is.EqualTo(new[] { Archive.Name, SearchIndex.Name }), $"Step 2: the archive starts first, then the index {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_archive_restarts_the_index_which_loads_from_the_new_archive(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Journal), "the library");
        var archive = await ChildAsync(library, typeof(Archive), "the library");
        var index = await ChildAsync(library, typeof(SearchIndex), "the library");

        await CrashAsync(archive, "the archive");

        var newArchive = await ChildAsync(library, typeof(Archive), "the library");
        var newIndex = await ChildAsync(library, typeof(SearchIndex), "the library");
        Assert.That(newArchive, Is.Not.EqualTo(archive), $"Step 2: the crashed archive is restarted {See}.");
        Assert.That(newIndex, Is.Not.EqualTo(index),
            $"Step 2: the index was started after the archive, so rest_for_one restarts it too: it still held the dead archive's catalogue {See}.");
        Assert.That(await LoadedFromAsync(newIndex), Is.EqualTo(newArchive),
            $"Step 2: the new index loaded its catalogue from the new archive: the archive restarts first, then the index {See}.");
        Assert.That(Journal.StartedWorkers, Is.EqualTo(new[] { Archive.Name, SearchIndex.Name, Archive.Name, SearchIndex.Name }),
            $"Step 2: every start of the library is the archive first, then the index {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_index_is_restarted_alone_and_the_archive_keeps_running(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Journal), "the library");
        var archive = await ChildAsync(library, typeof(Archive), "the library");
        var index = await ChildAsync(library, typeof(SearchIndex), "the library");

        await CrashAsync(index, "the index");

        var newIndex = await ChildAsync(library, typeof(SearchIndex), "the library");
        Assert.That(newIndex, Is.Not.EqualTo(index), $"Step 2: the crashed index is restarted {See}.");
        Assert.That(await ChildAsync(library, typeof(Archive), "the library"), Is.EqualTo(archive),
            $"Step 2: nothing depends on the index, so its crash leaves the archive running (rest_for_one restarts only the children after it) {See}.");
        Assert.That(await LoadedFromAsync(newIndex), Is.EqualTo(archive), $"Step 2: the new index loaded from the archive that kept running {See}.");
        Assert.That(Journal.TerminatedWorkers, Has.No.Member(Archive.Name), $"Step 2: the archive was never stopped {See}.");
    }
}
