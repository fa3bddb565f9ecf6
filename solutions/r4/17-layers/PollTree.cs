using Otp;

namespace Layers;

/// <summary>
/// The lifecycle: the supervision tree of the poll service. Its one child is a dynamic supervisor, registered under
/// <see cref="WorkersName"/>, under which one <see cref="PollServer"/> per open poll is started on demand; a crashed
/// worker is started again under its name.
/// </summary>
/// <param name="names">The registry the workers supervisor and the workers are registered in.</param>
/// <remarks>
/// The tangled program spawned its processes by hand and forgot them: a poll that crashed stayed dead, its pid stayed
/// in the dictionary, and the next caller waited for ever. Here the tree owns every worker: it starts them, restarts
/// them, and stops them all when the service stops. Polls are not known when the program is written, so they go under
/// a <c>DynamicSupervisor</c> (exercise 16) rather than in this list.
/// </remarks>
public sealed class PollTree(Registry names) : SupervisorBase
{
    /// <summary>The name the workers supervisor is registered under in <paramref name="names"/>.</summary>
    /// <param name="names">The registry of the poll service.</param>
    /// <returns>A via-name, so the boundary finds the supervisor after the tree restarted it, too.</returns>
    public static ServerName WorkersName(Registry names) => ServerName.Via(names, typeof(PollTree));

    /// <summary>One child, the workers' dynamic supervisor, one_for_one.</summary>
    /// <returns>The children and the flags.</returns>
    /// <remarks>
    /// No options: OTP's defaults are one_for_one (with one child, every strategy acts alike) and 1 restart
    /// in 5 seconds. The key of the name is this type: a poll's key is a tuple, so the two never meet.
    /// </remarks>
    protected override SupervisorInit Init() => Ok([DynamicSupervisor.ChildSpec(new DynamicSupervisorOptions { Name = WorkersName(names) })]);
}
