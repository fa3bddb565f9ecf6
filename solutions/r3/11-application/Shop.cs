using System.Threading.Tasks;
using Otp;

namespace Applications;

/// <summary>
/// The shop as an OTP application: what <c>mix new shop --sup</c> generates as <c>Shop.Application</c>. Starting it
/// starts its whole supervision tree under one root supervisor; stopping it stops that tree, children in reverse start
/// order, and nothing of it is left running.
/// </summary>
/// <param name="reporter">Where the shop and its children send their lifecycle reports; null for none.</param>
/// <remarks>
/// The class holds no process of its own: the runtime's <see cref="Application"/> spawns the application master, runs
/// <see cref="StartAsync(ProcessContext)"/> in it, and watches the root supervisor through the link this method makes.
/// That link is the whole contract: the master is the tree's parent, so stopping the master's tree is stopping the
/// application, and the tree's death is the application's end.
/// </remarks>
public sealed class Shop(Pid? reporter = null) : Application
{
    private ProcessContext? _master;

    /// <summary>Where the shop and its children send their lifecycle reports; null for none.</summary>
    public Pid? Reporter => reporter;

    /// <summary>The application's name, as Elixir's <c>:shop</c>.</summary>
    public override string Name => "shop";

    /// <summary>
    /// Step 4: the type the shop is started with: what its tree ending on its own, for any reason, does to the node.
    /// </summary>
    /// <remarks>
    /// Permanent: the node exists to run the shop, so a shop that is gone for good (its root supervisor gave up after too
    /// many restarts, or was killed) takes the node down, and whatever runs the node (systemd, Kubernetes, a Windows
    /// service) starts it again from a clean state. Transient would let an end with normal pass; temporary would
    /// only report it, leaving a node that runs without its shop.
    /// </remarks>
    public static ApplicationType StartType => ApplicationType.Permanent;

    /// <summary>
    /// Step 2: starts the root supervisor, a <see cref="ShopSupervisor"/> registered as <c>"shop"</c> and linked to
    /// <paramref name="master"/>, and returns its pid.
    /// </summary>
    /// <param name="master">The application master, the tree's parent.</param>
    /// <remarks>
    /// Elixir's <c>start/2</c>. <c>Supervisor.StartLinkAsync</c> returns once the supervisor and every child have
    /// started, in order; if one fails, the ones already started are stopped and it throws, and the application does
    /// not start. The master is kept so that <see cref="PrepStop"/> and <see cref="Stop"/>, which run in the master's
    /// process, can send from it.
    /// </remarks>
    protected override Task<Pid> StartAsync(ProcessContext master)
    {
        _master = master;
        return Supervisor.StartLinkAsync(master, new ShopSupervisor(this), name: "shop");
    }

    /// <summary>Step 2: runs when the shop is asked to stop, before its tree stops: reports <see cref="ShopStopping"/>.</summary>
    /// <returns>What <see cref="Stop"/> gets: a sign that the stop was asked for.</returns>
    /// <remarks>
    /// Elixir's <c>prep_stop/1</c>. The tree still runs here, so this is the place to stop taking work (close a listener,
    /// drain a queue) while the processes that finish it are alive.
    /// </remarks>
    protected override object? PrepStop()
    {
        Report(new ShopStopping());
        return true;
    }

    /// <summary>
    /// Step 2: runs after the tree has stopped, whether the shop was asked to stop or its tree ended on its own: reports
    /// <see cref="ShopStopped"/>, orderly when <see cref="PrepStop"/> ran first.
    /// </summary>
    /// <param name="state">What <see cref="PrepStop"/> returned; null when it did not run.</param>
    /// <remarks>Elixir's <c>stop/1</c>: the processes are gone; only what outlives them is left to clean up.</remarks>
    protected override void Stop(object? state) => Report(new ShopStopped(Orderly: state is true));

    private void Report(object message)
    {
        if (reporter is not null)
        {
            _master?.Send(reporter, message);
        }
    }
}
