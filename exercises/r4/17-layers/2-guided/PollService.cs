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
    private const int MinOptions = 2;
    private const int MaxOptions = 5;
    private static readonly Atom AlreadyStarted = new("already_started");

    private readonly Node _node;
    private readonly Registry _names;
    private readonly Pid _tree;

    private PollService(Node node, Registry names, Pid tree)
    {
        _node = node;
        _names = names;
        _tree = tree;
    }

    /// <summary>The root of the service's supervision tree (a <see cref="PollTree"/>).</summary>
    public Pid Tree => throw new NotImplementedException("Step 5: implement PollService.Tree (see README, step 5).");

    /// <summary>Starts the service: a new registry and a <see cref="PollTree"/> on <paramref name="node"/>, not linked to the caller.</summary>
    /// <param name="node">The node to run on.</param>
    /// <returns>The service, with no poll open.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public static Task<PollService> StartAsync(Node node)
    {
        // TODO Step 5: (Supervisor.StartAsync refuses a null node for you) make a Registry with unique keys; start a PollTree
        //              over it with Supervisor.StartAsync(node, ...) (not linked); return new PollService(node, names, tree).
        //              (Make the method async to await the start.)
        throw new NotImplementedException("Step 5: implement PollService.StartAsync (see README, step 5).");
    }

    /// <inheritdoc />
    public Task OpenAsync(string name, string question, IReadOnlyList<string> options)
    {
        // TODO Step 5: first the checks: ArgumentException.ThrowIfNullOrWhiteSpace(name), the same for question, then
        //              CheckOptions(options). Then start the worker: DynamicSupervisor.StartChildAsync(_node,
        //              PollTree.WorkersName(_names), PollServer.Spec(_names, name, PollCore.Open(question, options))).
        //              A StartFailedException whose Reason is (Atom, Pid) with the atom AlreadyStarted becomes an
        //              InvalidOperationException naming the poll (keep the start failure as the inner exception).
        throw new NotImplementedException("Step 5: implement PollService.OpenAsync (see README, step 5).");
    }

    /// <inheritdoc />
    public Task<VoteOutcome> VoteAsync(string name, string voter, string option)
    {
        // TODO Step 5: check name, voter and option; then PollServer.VoteAsync(_node, PollServer.Name(_names, name), ...),
        //              with a NoProcessException turned into NotFound(name, e).
        throw new NotImplementedException("Step 5: implement PollService.VoteAsync (see README, step 5).");
    }

    /// <inheritdoc />
    public Task CloseAsync(string name)
    {
        // TODO Step 5: check name; PollServer.CloseAsync by name; NoProcessException becomes NotFound.
        throw new NotImplementedException("Step 5: implement PollService.CloseAsync (see README, step 5).");
    }

    /// <inheritdoc />
    public Task<string> ReportAsync(string name)
    {
        // TODO Step 5: check name; PollServer.ReportAsync by name; NoProcessException becomes NotFound.
        throw new NotImplementedException("Step 5: implement PollService.ReportAsync (see README, step 5).");
    }

    // Throws ArgumentException (ParamName "options") unless options holds MinOptions to MaxOptions different, non-blank options.
    private static void CheckOptions(IReadOnlyList<string> options)
    {
        // TODO Step 5: ArgumentNullException.ThrowIfNull(options); then one ArgumentException(message, nameof(options))
        //              each for a count outside MinOptions..MaxOptions, a blank option (string.IsNullOrWhiteSpace), and a
        //              repeated one (options.Distinct().Count() != options.Count).
        throw new NotImplementedException("Step 5: implement PollService.CheckOptions (see README, step 5).");
    }

    // The error a caller sees for a poll that is not open; the runtime's exception stays as the inner one.
    private static KeyNotFoundException NotFound(string name, NoProcessException cause) => new($"no poll named '{name}'", cause);
}
