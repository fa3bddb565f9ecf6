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
    /// <summary>Where the shop and its children send their lifecycle reports; null for none.</summary>
    public Pid? Reporter => reporter;

    /// <summary>The application's name, as Elixir's <c>:shop</c>.</summary>
    public override string Name => "shop";

    /// <summary>
    /// Step 4: the type the shop is started with: what its tree ending on its own, for any reason, does to the node.
    /// </summary>
    public static ApplicationType StartType => throw new NotImplementedException("Step 4: implement Shop.StartType (see README, step 4).");

    /// <summary>
    /// Step 2: starts the root supervisor, a <see cref="ShopSupervisor"/> registered as <c>"shop"</c> and linked to
    /// <paramref name="master"/>, and returns its pid.
    /// </summary>
    /// <param name="master">The application master, the tree's parent.</param>
    protected override Task<Pid> StartAsync(ProcessContext master) => throw new NotImplementedException("Step 2: implement Shop.StartAsync (see README, step 2).");

    /// <summary>Step 2: runs when the shop is asked to stop, before its tree stops: reports <see cref="ShopStopping"/>.</summary>
    /// <returns>What <see cref="Stop"/> gets: a sign that the stop was asked for.</returns>
    protected override object? PrepStop() => throw new NotImplementedException("Step 2: implement Shop.PrepStop (see README, step 2).");

    /// <summary>
    /// Step 2: runs after the tree has stopped, whether the shop was asked to stop or its tree ended on its own: reports
    /// <see cref="ShopStopped"/>, orderly when <see cref="PrepStop"/> ran first.
    /// </summary>
    /// <param name="state">What <see cref="PrepStop"/> returned; null when it did not run.</param>
    protected override void Stop(object? state) => throw new NotImplementedException("Step 2: implement Shop.Stop (see README, step 2).");
}
