using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Otp;

namespace Observing;

/// <summary>
/// The Applications page's tree, in code: the supervision tree under a supervisor as text, and a child found by the
/// path of ids that leads to it (observer's Applications tab; <see cref="Observer.WalkTreeAsync(Node, ServerRef, CancellationToken)"/>).
/// </summary>
public static class TreeText
{
    /// <summary>
    /// Draws the tree under <paramref name="root"/>, one process a line, children in start order below their supervisor,
    /// indented two spaces per level: <c>id pid behaviour</c>, for example <c>"  cashier &lt;0.7.0&gt; gen_server"</c>.
    /// The root's id is its pid. A child that is not running shows <c>undefined</c> for its pid and its type
    /// (<c>worker</c> or <c>supervisor</c>) for its behaviour. Every line ends with <c>'\n'</c>.
    /// </summary>
    /// <param name="node">The node the tree runs on.</param>
    /// <param name="root">The top supervisor.</param>
    /// <param name="cancellationToken">Gives up the walk.</param>
    /// <returns>The drawing.</returns>
    /// <exception cref="NoProcessException"><paramref name="root"/> is not alive.</exception>
    public static async Task<string> DrawAsync(Node node, ServerRef root, CancellationToken cancellationToken = default)
    {
        // TODO Step 2: walk the tree with Observer.WalkTreeAsync(node, root, cancellationToken).
        // TODO Step 2: draw it from the root down with Draw(tree, 0, text) and return the text.
        await Task.CompletedTask;
        throw new NotImplementedException("Step 2: implement TreeText.DrawAsync (see README, step 2).");
    }

    /// <summary>
    /// Finds the pid of the child at <paramref name="path"/> under <paramref name="root"/>: child ids separated by
    /// <c>/</c>, each one a child of the one before (ids are compared as text), for example <c>"kitchen/oven"</c>.
    /// </summary>
    /// <param name="node">The node the tree runs on.</param>
    /// <param name="root">The top supervisor.</param>
    /// <param name="path">The ids from the root's child down to the process wanted.</param>
    /// <param name="cancellationToken">Gives up the walk.</param>
    /// <returns>Its pid, or null when no child has that path or it is not running.</returns>
    /// <exception cref="NoProcessException"><paramref name="root"/> is not alive.</exception>
    public static async Task<Pid?> FindAsync(Node node, ServerRef root, string path, CancellationToken cancellationToken = default)
    {
        // TODO Step 2: walk the tree, then follow path.Split('/') one id at a time from the root down: at each level,
        //              the child whose Id.ToString() is that id. No such child: null.
        // TODO Step 2: return the pid of the node you end on (null if it is not running).
        await Task.CompletedTask;
        throw new NotImplementedException("Step 2: implement TreeText.FindAsync (see README, step 2).");
    }

    private static void Draw(SupervisionTreeNode here, int depth, StringBuilder text)
    {
        // TODO Step 2: append depth * 2 spaces, then "id pid behaviour" and '\n':
        //              here.Pid null -> "undefined"; here.Behaviour null -> "supervisor" or "worker" from here.Type.
        // TODO Step 2: then draw each child, one level deeper.
        throw new NotImplementedException("Step 2: implement TreeText.DrawAsync (see README, step 2).");
    }
}
