using System.IO;
using System.Threading.Tasks;
using Layers.Tangled;

namespace Layers.Tests;

/// <summary>
/// The behaviour tests run against the tangled program as given: green before you write a line. They pin what the
/// program does, so that your layered version can be held to the same (step 6).
/// </summary>
public sealed class Tangled_program_behaviour : PollBehaviour
{
    protected override string Program => "the tangled program";

    protected override Task<IPolls> StartAsync() => Task.FromResult<IPolls>(new TangledPolls(Node, TextWriter.Null));
}
