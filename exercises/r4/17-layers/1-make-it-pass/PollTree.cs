using System;
using Otp;

namespace Layers;

/// <summary>
/// The lifecycle: the supervision tree of the poll service. Its one child is a dynamic supervisor, registered under
/// <see cref="WorkersName"/>, under which one <see cref="PollServer"/> per open poll is started on demand; a crashed
/// worker is started again under its name.
/// </summary>
/// <param name="names">The registry the workers supervisor and the workers are registered in.</param>
public sealed class PollTree(Registry names) : SupervisorBase
{
    // The registry, for the workers supervisor's name.
    private readonly Registry _names = names;

    /// <summary>The name the workers supervisor is registered under in <paramref name="names"/>.</summary>
    /// <param name="names">The registry of the poll service.</param>
    /// <returns>A via-name, so the boundary finds the supervisor after the tree restarted it, too.</returns>
    public static ServerName WorkersName(Registry names) =>
        throw new NotImplementedException("Step 4: implement PollTree.WorkersName (see README, step 4).");

    /// <summary>One child, the workers' dynamic supervisor, one_for_one.</summary>
    /// <returns>The children and the flags.</returns>
    protected override SupervisorInit Init() =>
        throw new NotImplementedException("Step 4: implement PollTree.Init (see README, step 4).");
}
