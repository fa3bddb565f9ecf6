using System.Text;

namespace Otp;

/// <summary>
/// One node of a supervision tree as <see cref="Observer.WalkTreeAsync(Node, ServerRef, CancellationToken)"/> finds it: what Erlang's observer draws in its
/// Applications tab.
/// </summary>
/// <param name="Id">The child id (the root's is its pid).</param>
/// <param name="Pid">The process; null for a child that is not running.</param>
/// <param name="Type">Worker or supervisor.</param>
/// <param name="Behaviour">What the process runs (<c>supervisor</c>, <c>gen_server</c>...), null if unknown or not running.</param>
/// <param name="RegisteredName">Its local name, if any.</param>
/// <param name="Children">Its children, in start order (empty for workers).</param>
public sealed record SupervisionTreeNode(
    object Id,
    Pid? Pid,
    ChildType Type,
    string? Behaviour,
    string? RegisteredName,
    IReadOnlyList<SupervisionTreeNode> Children)
{
    /// <summary>The tree as indented text, one process a line: <c>id &lt;0.12.0&gt; supervisor</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, 0);
        return text.ToString();
    }

    private void Append(StringBuilder text, int depth)
    {
        text.Append(' ', depth * 2).Append(Id);
        text.Append(' ').Append(Pid?.ToString() ?? "undefined");
        if (RegisteredName is not null)
        {
            text.Append(" (").Append(RegisteredName).Append(')');
        }

        text.Append(' ').Append(Behaviour ?? (Type == ChildType.Supervisor ? "supervisor" : "worker")).Append('\n');
        foreach (var child in Children)
        {
            child.Append(text, depth + 1);
        }
    }
}
