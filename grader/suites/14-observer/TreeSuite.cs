using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Hidden;

[Property("Step", 2)]
public sealed class TreeSuite : HiddenTest
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_deeper_tree_indents_two_more_spaces_per_level(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node,
        [
            ChildSpec.Supervisor("middle", ctx => Supervisor.StartLinkAsync(ctx,
            [
                ChildSpec.Supervisor("inner", inner => Supervisor.StartLinkAsync(inner, [ChildSpec.For(() => new Idle()) with { Id = "leaf" }])),
            ])),
            ChildSpec.For(() => new Idle()) with { Id = 7 },
        ]);

        var middle = await TreeText.FindAsync(Node, root, "middle", cancellationToken);
        var inner = await TreeText.FindAsync(Node, root, "middle/inner", cancellationToken);
        var leaf = await TreeText.FindAsync(Node, root, "middle/inner/leaf", cancellationToken);
        var seven = await TreeText.FindAsync(Node, root, "7", cancellationToken);
        var drawn = await CompletesAsync(TreeText.DrawAsync(Node, root, cancellationToken), "TreeText.DrawAsync");

        Assert.That(new[] { middle, inner, leaf, seven }, Has.None.Null, "every path of this tree leads to a running child; ids are compared as text (see README, step 2).");
        Assert.That(drawn, Is.EqualTo(
            $"{root} {root} supervisor\n  middle {middle} supervisor\n    inner {inner} supervisor\n      leaf {leaf} gen_server\n  7 {seven} gen_server\n"),
            "depth 3 is six spaces; an id that is not a string is drawn as its text (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_default_id_is_drawn_and_found_as_its_text(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Idle())]);

        var idle = await CompletesAsync(TreeText.FindAsync(Node, root, typeof(Idle).ToString(), cancellationToken), "TreeText.FindAsync");
        var drawn = await CompletesAsync(TreeText.DrawAsync(Node, root, cancellationToken), "TreeText.DrawAsync");

        Assert.That(idle, Is.Not.Null, "ChildSpec.For's id is the server's type; its text is the path (see README, step 2).");
        Assert.That(drawn, Is.EqualTo($"{root} {root} supervisor\n  {typeof(Idle)} {idle} gen_server\n"), "(see README, step 2)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_child_not_running_is_found_as_null(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        await Supervisor.TerminateChildAsync(Node, bakery, "kitchen", cancellationToken);

        var kitchen = await CompletesAsync(TreeText.FindAsync(Node, bakery, "kitchen", cancellationToken), "TreeText.FindAsync");
        var oven = await CompletesAsync(TreeText.FindAsync(Node, bakery, "kitchen/oven", cancellationToken), "TreeText.FindAsync");

        Assert.That(kitchen, Is.Null, "a child that is not running has no pid (see README, step 2).");
        Assert.That(oven, Is.Null, "a stopped supervisor has no children (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_dead_root_is_refused_with_noproc(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        await Supervisor.StopAsync(Node, bakery, cancellationToken: cancellationToken);

        Assert.That(async () => await CompletesAsync(TreeText.DrawAsync(Node, bakery, cancellationToken), "TreeText.DrawAsync"),
            Throws.TypeOf<NoProcessException>(), "a root that is not alive: NoProcessException (see README, step 2).");
        Assert.That(async () => await CompletesAsync(TreeText.FindAsync(Node, "bakery", "ledger", cancellationToken), "TreeText.FindAsync"),
            Throws.TypeOf<NoProcessException>(), "a root that is not alive: NoProcessException (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_killed_oven_shows_its_new_pid_under_the_kitchen(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        var kitchen = Named("kitchen");
        var old = Named("oven");
        var restarted = RestartsReported(kitchen, 1);
        Node.Exit(old, ExitReason.Kill);
        var oven = await CompletesAsync(restarted, "the kitchen's restart of the oven");

        var drawn = await CompletesAsync(TreeText.DrawAsync(Node, "bakery", cancellationToken), "TreeText.DrawAsync");
        var found = await CompletesAsync(TreeText.FindAsync(Node, "bakery", "kitchen/oven", cancellationToken), "TreeText.FindAsync");

        Assert.That(drawn, Does.EndWith($"  kitchen {kitchen} supervisor\n    oven {oven} gen_server\n"), "the new oven under the same kitchen (see README, step 2).");
        Assert.That(drawn, Does.Not.Contain(old.ToString()), "the killed oven is gone from the tree (see README, step 2).");
        Assert.That(found, Is.EqualTo(oven), "the path leads to the new oven (see README, step 2).");
    }
}
