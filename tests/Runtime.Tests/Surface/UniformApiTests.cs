using System.Reflection;
using Otp;

namespace Runtime.Tests.Surface;

/// <summary>
/// The runtime's module functions (the static classes: GenServer, Supervisor, Agent...) read the same from inside a
/// process and from outside one: each function that takes a <see cref="Node"/> first has a twin that takes the calling
/// <see cref="ProcessContext"/> first.
/// </summary>
public sealed class UniformApiTests
{
    // Functions that only exist for code outside any process, on purpose: ProcLib starts on a node with an explicit parent.
    private static readonly string[] s_nodeOnly = ["ProcLib.StartLinkAsync"];

    [Test]
    public void Every_module_function_taking_a_node_has_a_twin_taking_the_calling_process()
    {
        var modules = typeof(Node).Assembly.GetExportedTypes().Where(t => t is { IsAbstract: true, IsSealed: true });
        var missing =
            from module in modules
            from method in module.GetMethods(BindingFlags.Public | BindingFlags.Static)
            let parameters = method.GetParameters()
            where parameters.Length > 0 && parameters[0].ParameterType == typeof(Node)
            let name = $"{module.Name}.{method.Name}"
            where !s_nodeOnly.Contains(name)
            let rest = parameters.Skip(1).Select(p => p.ParameterType.IsGenericParameter ? "T" : p.ParameterType.Name).ToArray()
            where !module.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(twin =>
                twin.Name == method.Name
                && twin.GetParameters() is { Length: > 0 } twinParameters
                && twinParameters[0].ParameterType == typeof(ProcessContext)
                && twinParameters.Skip(1).Select(p => p.ParameterType.IsGenericParameter ? "T" : p.ParameterType.Name).SequenceEqual(rest))
            select $"{name}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))})";

        Assert.That(missing.Distinct(), Is.Empty,
            "A function callable from outside a process (with a Node) is also callable from inside one (with the caller's ProcessContext), with the same other parameters.");
    }
}
