using System;
using System.Threading.Tasks;
using Otp;

namespace WorkerBees;

/// <summary>
/// Step 3: the lifecycle: the quiz as an OTP application. Its tree is a one-for-one root supervisor over one child,
/// the sessions' <see cref="DynamicSupervisor"/> (child id <c>"sessions"</c>, named <see cref="QuizConfig.Sessions"/>),
/// which starts no session until a player asks for one.
/// </summary>
/// <param name="config">The service's config.</param>
public sealed class QuizApp(QuizConfig config) : Application
{
    /// <summary>The config the tree was started with.</summary>
    public QuizConfig Config { get; } = config;

    /// <summary>Step 3: starts the root supervisor, linked to the application master, and returns it.</summary>
    /// <param name="master">The application master.</param>
    /// <returns>The root supervisor's pid.</returns>
    protected override Task<Pid> StartAsync(ProcessContext master) =>
        // GAP Step 3: start the root supervisor linked to the master (Supervisor.StartLinkAsync(master, children); no
        // options means one-for-one). Its one child is the sessions' dynamic supervisor: DynamicSupervisor.ChildSpec
        // takes DynamicSupervisorOptions, whose Name is Config.Sessions, and `with { Id = "sessions" }` gives it its id.
        throw new NotImplementedException("Step 3: implement QuizApp.StartAsync (see README, step 3).");
}
