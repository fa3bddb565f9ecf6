using System.Threading.Tasks;
using Otp;

namespace Applications.Hidden;

/// <summary>Another application on the node, with a tree of its own (one agent): what a node going down also stops.</summary>
internal sealed class Bystander : Application
{
    protected override Task<Pid> StartAsync(ProcessContext master) =>
        Supervisor.StartLinkAsync(master, [ChildSpec.Worker("counter", ctx => Agent.StartLinkAsync(ctx, () => 0))]);
}
