using System.Linq;
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
        var tree = await Observer.WalkTreeAsync(node, root, cancellationToken);
        var text = new StringBuilder();
        Draw(tree, 0, text);
        return text.ToString();
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
        var here = await Observer.WalkTreeAsync(node, root, cancellationToken);
        foreach (var id in path.Split('/'))
        {
            here = here.Children.FirstOrDefault(child => child.Id.ToString() == id);
            if (here is null)
            {
                return null;
            }
        }

        return here.Pid;
    }

    /// <remarks>Depth first, a supervisor before its children: the order the Applications page draws them in.</remarks>
    private static void Draw(SupervisionTreeNode here, int depth, StringBuilder text)
    {
        var behaviour = here.Behaviour ?? (here.Type == ChildType.Supervisor ? "supervisor" : "worker");
        text.Append(' ', depth * 2).Append($"{here.Id} {here.Pid?.ToString() ?? "undefined"} {behaviour}").Append('\n');
        foreach (var child in here.Children)
        {
            Draw(child, depth + 1, text);
        }
    }
}
