using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Tests;

/// <summary>Step 2: the Applications page's tree, drawn as text and searched by a path of ids.</summary>
public sealed class Step2_The_tree_as_text : NodeTest
{
    protected override int Step => 2;

    [Test]
    [CancelAfter(10_000)]
    public async Task The_tree_is_drawn_one_process_a_line_indented_by_depth(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();

        var drawn = await CompletesAsync(TreeText.DrawAsync(Node, "bakery", cancellationToken), "TreeText.DrawAsync");

        Assert.That(drawn, Is.EqualTo(Expected(bakery)),
            "Step 2: one line per process, 'id pid behaviour', two more spaces per level, children in start order, each line ending in \\n (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task After_a_crash_the_tree_has_the_same_shape_with_a_new_pid(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync(crashEvery: 2);
        var before = Named("cashier");
        var restarted = RestartsReported(bakery, 1);

        Sell(2);
        var after = await CompletesAsync(restarted, "the bakery's report that it restarted the cashier");
        var drawn = await CompletesAsync(TreeText.DrawAsync(Node, bakery, cancellationToken), "TreeText.DrawAsync");

        Assert.That(after, Is.Not.EqualTo(before), "Step 2: a restarted child is a new process (see README, step 2).");
        Assert.That(drawn, Is.EqualTo(Expected(bakery)),
            $"Step 2: after the crash the tree is the same, with the cashier's new pid {after} instead of {before}: draw what the tree holds now (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_child_that_is_not_running_shows_undefined_and_its_type(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        await Supervisor.TerminateChildAsync(Node, bakery, "cashier", cancellationToken);
        await Supervisor.TerminateChildAsync(Node, bakery, "kitchen", cancellationToken);

        var drawn = await CompletesAsync(TreeText.DrawAsync(Node, bakery, cancellationToken), "TreeText.DrawAsync");

        var expected = $"{bakery} {bakery} supervisor\n  ledger {Named("ledger")} gen_server\n  cashier undefined worker\n  kitchen undefined supervisor\n";
        Assert.That(drawn, Is.EqualTo(expected),
            "Step 2: a child that is not running has no pid (undefined) and no behaviour: its type stands in for it (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_path_of_ids_leads_to_a_child(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();

        var oven = await CompletesAsync(TreeText.FindAsync(Node, "bakery", "kitchen/oven", cancellationToken), "TreeText.FindAsync");
        var cashier = await CompletesAsync(TreeText.FindAsync(Node, "bakery", "cashier", cancellationToken), "TreeText.FindAsync");

        Assert.That(oven, Is.EqualTo(Named("oven")), "Step 2: 'kitchen/oven' is the oven under the kitchen under the root (see README, step 2).");
        Assert.That(cashier, Is.EqualTo(Named("cashier")), "Step 2: 'cashier' is a child of the root itself (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_path_that_leads_nowhere_gives_null(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();

        var notAtTheTop = await CompletesAsync(TreeText.FindAsync(Node, "bakery", "oven", cancellationToken), "TreeText.FindAsync");
        var noSuchChild = await CompletesAsync(TreeText.FindAsync(Node, "bakery", "kitchen/mixer", cancellationToken), "TreeText.FindAsync");
        var belowAWorker = await CompletesAsync(TreeText.FindAsync(Node, "bakery", "cashier/oven", cancellationToken), "TreeText.FindAsync");

        Assert.That(notAtTheTop, Is.Null, "Step 2: the oven is not a child of the root, only of the kitchen: 'oven' leads nowhere (see README, step 2).");
        Assert.That(noSuchChild, Is.Null, "Step 2: the kitchen has no child 'mixer' (see README, step 2).");
        Assert.That(belowAWorker, Is.Null, "Step 2: a worker has no children (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Ids_that_are_not_strings_are_drawn_and_found_as_text(CancellationToken cancellationToken)
    {
        var root = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Idle()) with { Id = 7 }, ChildSpec.For(() => new Idle())]);
        var children = await Supervisor.WhichChildrenAsync(Node, root, cancellationToken);
        var seven = children.Single(c => Equals(c.Id, 7)).Pid;
        var idle = children.Single(c => Equals(c.Id, typeof(Idle))).Pid;

        var drawn = await CompletesAsync(TreeText.DrawAsync(Node, root, cancellationToken), "TreeText.DrawAsync");
        var found = await CompletesAsync(TreeText.FindAsync(Node, root, "7", cancellationToken), "TreeText.FindAsync");

        Assert.That(drawn, Is.EqualTo($"{root} {root} supervisor\n  7 {seven} gen_server\n  {typeof(Idle)} {idle} gen_server\n"),
            "Step 2: an id is drawn as its text: the number 7, and ChildSpec.For's default id, the server's type (see README, step 2).");
        Assert.That(found, Is.EqualTo(seven), "Step 2: the path \"7\" finds the child whose id is the number 7: compare ids as text (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_root_that_is_not_alive_is_refused_with_noproc(CancellationToken cancellationToken)
    {
        var bakery = await StartBakeryAsync();
        await Supervisor.StopAsync(Node, bakery, cancellationToken: cancellationToken);

        Assert.That(async () => await CompletesAsync(TreeText.DrawAsync(Node, bakery, cancellationToken), "TreeText.DrawAsync"),
            Throws.TypeOf<NoProcessException>(), "Step 2: there is no tree under a dead root: NoProcessException (see README, step 2).");
        Assert.That(async () => await CompletesAsync(TreeText.FindAsync(Node, "bakery", "cashier", cancellationToken), "TreeText.FindAsync"),
            Throws.TypeOf<NoProcessException>(), "Step 2: there is no tree under a dead root: NoProcessException (see README, step 2).");
    }

    private string Expected(Pid bakery) =>
        $"{bakery} {bakery} supervisor\n" +
        $"  ledger {Named("ledger")} gen_server\n" +
        $"  cashier {Named("cashier")} gen_server\n" +
        $"  kitchen {Named("kitchen")} supervisor\n" +
        $"    oven {Named("oven")} gen_server\n";
}
