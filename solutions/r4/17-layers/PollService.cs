using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Otp;

namespace Layers;

/// <summary>
/// The boundary: the poll service as its users see it. It checks every input before anything else happens, then
/// starts or calls the poll's worker by name, and turns the runtime's failures into the errors its users expect.
/// </summary>
/// <remarks>
/// Everything uncertain lives here and only here: input from outside, processes that may be dead, names that may be
/// free. Bad input is refused at the door, before a process is spawned or called, so the core and the workers only ever
/// see input that makes sense (the tangled program spawned a process first and checked the options inside it).
/// </remarks>
public sealed class PollService : IPolls
{
    private const int MinOptions = 2;
    private const int MaxOptions = 5;
    private static readonly Atom AlreadyStarted = new("already_started");

    private readonly Node _node;
    private readonly Registry _names;

    private PollService(Node node, Registry names, Pid tree)
    {
        _node = node;
        _names = names;
        Tree = tree;
    }

    /// <summary>The root of the service's supervision tree (a <see cref="PollTree"/>).</summary>
    public Pid Tree { get; }

    /// <summary>Starts the service: a new registry and a <see cref="PollTree"/> on <paramref name="node"/>, not linked to the caller.</summary>
    /// <param name="node">The node to run on.</param>
    /// <returns>The service, with no poll open.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public static async Task<PollService> StartAsync(Node node)
    {
        // A null node is refused by Supervisor.StartAsync, with the same ArgumentNullException naming node.
        var names = new Registry(RegistryKeys.Unique);
        var tree = await Supervisor.StartAsync(node, new PollTree(names));
        return new PollService(node, names, tree);
    }

    /// <inheritdoc />
    public async Task OpenAsync(string name, string question, IReadOnlyList<string> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        CheckOptions(options);
        try
        {
            await DynamicSupervisor.StartChildAsync(_node, PollTree.WorkersName(_names), PollServer.Spec(_names, name, PollCore.Open(question, options)));
        }
        catch (StartFailedException failed) when (failed.Reason is (Atom reason, Pid) && reason == AlreadyStarted)
        {
            // Two callers racing to open one name: the registry lets exactly one worker have it, the other start fails here.
            throw new InvalidOperationException($"poll '{name}' is already open", failed);
        }
    }

    /// <inheritdoc />
    public async Task<VoteOutcome> VoteAsync(string name, string voter, string option)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(voter);
        ArgumentException.ThrowIfNullOrWhiteSpace(option);
        try
        {
            return await PollServer.VoteAsync(_node, PollServer.Name(_names, name), voter, option);
        }
        catch (NoProcessException missing)
        {
            throw NotFound(name, missing);
        }
    }

    /// <inheritdoc />
    public async Task CloseAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            await PollServer.CloseAsync(_node, PollServer.Name(_names, name));
        }
        catch (NoProcessException missing)
        {
            throw NotFound(name, missing);
        }
    }

    /// <inheritdoc />
    public async Task<string> ReportAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            return await PollServer.ReportAsync(_node, PollServer.Name(_names, name));
        }
        catch (NoProcessException missing)
        {
            throw NotFound(name, missing);
        }
    }

    private static void CheckOptions(IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count is < MinOptions or > MaxOptions)
        {
            throw new ArgumentException($"a poll needs {MinOptions} to {MaxOptions} options, not {options.Count}", nameof(options));
        }

        if (options.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("an option is blank", nameof(options));
        }

        if (options.Distinct().Count() != options.Count)
        {
            throw new ArgumentException("an option is given twice", nameof(options));
        }
    }

    // The cause stays as the inner exception: whoever debugs it sees that the name was free in the registry.
    private static KeyNotFoundException NotFound(string name, NoProcessException cause) => new($"no poll named '{name}'", cause);
}
