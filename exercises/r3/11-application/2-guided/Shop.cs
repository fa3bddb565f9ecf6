using System;
using System.Threading.Tasks;
using Otp;

namespace Applications;

/// <summary>
/// The shop as an OTP application: what <c>mix new shop --sup</c> generates as <c>Shop.Application</c>. Starting it
/// starts its whole supervision tree under one root supervisor; stopping it stops that tree, children in reverse start
/// order, and nothing of it is left running.
/// </summary>
/// <param name="reporter">Where the shop and its children send their lifecycle reports; null for none.</param>
public sealed class Shop(Pid? reporter = null) : Application
{
    private ProcessContext? _master; // the application master: PrepStop and Stop run in its process

    /// <summary>Where the shop and its children send their lifecycle reports; null for none.</summary>
    public Pid? Reporter => reporter;

    /// <summary>The application's name, as Elixir's <c>:shop</c>.</summary>
    public override string Name => "shop";

    /// <summary>
    /// Step 4: the type the shop is started with: what its tree ending on its own, for any reason, does to the node.
    /// </summary>
    public static ApplicationType StartType =>
        // TODO Step 4: the type whose tree, ending on its own for any reason (killed, or shutdown after a crash loop),
        // takes the node down (When_the_shop_tree_is_killed_the_node_goes_down, When_the_shop_tree_gives_up_...).
        throw new NotImplementedException("Step 4: implement Shop.StartType (see README, step 4).");

    /// <summary>
    /// Step 2: starts the root supervisor, a <see cref="ShopSupervisor"/> registered as <c>"shop"</c> and linked to
    /// <paramref name="master"/>, and returns its pid.
    /// </summary>
    /// <param name="master">The application master, the tree's parent.</param>
    protected override Task<Pid> StartAsync(ProcessContext master)
    {
        // TODO Step 2: keep master in _master, then start a new ShopSupervisor(this) LINKED to master (the master hears
        // of the root's death only through the link), registered as "shop", and return its pid
        // (Starting_the_shop_starts_its_whole_tree_under_a_root_supervisor_named_shop, A_root_supervisor_that_dies_...).
        throw new NotImplementedException("Step 2: implement Shop.StartAsync (see README, step 2).");
    }

    /// <summary>Step 2: runs when the shop is asked to stop, before its tree stops: reports <see cref="ShopStopping"/>.</summary>
    /// <returns>What <see cref="Stop"/> gets: a sign that the stop was asked for.</returns>
    protected override object? PrepStop()
    {
        // TODO Step 2: Report(new ShopStopping()), then return a value that Stop will recognise, such as true
        // (Stopping_the_shop_runs_PrepStop_then_stops_the_tree_in_reverse_then_runs_Stop).
        throw new NotImplementedException("Step 2: implement Shop.PrepStop (see README, step 2).");
    }

    /// <summary>
    /// Step 2: runs after the tree has stopped, whether the shop was asked to stop or its tree ended on its own: reports
    /// <see cref="ShopStopped"/>, orderly when <see cref="PrepStop"/> ran first.
    /// </summary>
    /// <param name="state">What <see cref="PrepStop"/> returned; null when it did not run.</param>
    protected override void Stop(object? state)
    {
        // TODO Step 2: Report(new ShopStopped(...)), orderly when state is what PrepStop returned; state is null when the
        // tree died on its own (A_root_supervisor_that_dies_ends_the_application_which_runs_Stop_but_not_PrepStop).
        throw new NotImplementedException("Step 2: implement Shop.Stop (see README, step 2).");
    }

    /// <summary>Sends <paramref name="message"/> to the reporter, if there is one, from the master's process.</summary>
    private void Report(object message)
    {
        if (reporter is not null)
        {
            _master?.Send(reporter, message);
        }
    }
}
