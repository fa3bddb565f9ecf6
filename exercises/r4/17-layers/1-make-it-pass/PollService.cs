using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace Layers;

/// <summary>
/// The boundary: the poll service as its users see it. It checks every input before anything else happens, then
/// starts or calls the poll's worker by name, and turns the runtime's failures into the errors its users expect.
/// </summary>
public sealed class PollService : IPolls
{
    private PollService()
    {
    }

    /// <summary>The root of the service's supervision tree (a <see cref="PollTree"/>).</summary>
    public Pid Tree => throw new NotImplementedException("Step 5: implement PollService.Tree (see README, step 5).");

    /// <summary>Starts the service: a new registry and a <see cref="PollTree"/> on <paramref name="node"/>, not linked to the caller.</summary>
    /// <param name="node">The node to run on.</param>
    /// <returns>The service, with no poll open.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public static Task<PollService> StartAsync(Node node) =>
        throw new NotImplementedException("Step 5: implement PollService.StartAsync (see README, step 5).");

    /// <inheritdoc />
    public Task OpenAsync(string name, string question, IReadOnlyList<string> options) =>
        throw new NotImplementedException("Step 5: implement PollService.OpenAsync (see README, step 5).");

    /// <inheritdoc />
    public Task<VoteOutcome> VoteAsync(string name, string voter, string option) =>
        throw new NotImplementedException("Step 5: implement PollService.VoteAsync (see README, step 5).");

    /// <inheritdoc />
    public Task CloseAsync(string name) =>
        throw new NotImplementedException("Step 5: implement PollService.CloseAsync (see README, step 5).");

    /// <inheritdoc />
    public Task<string> ReportAsync(string name) =>
        throw new NotImplementedException("Step 5: implement PollService.ReportAsync (see README, step 5).");
}
