using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Otp;

namespace Switchboard;

/// <summary>
/// Steps 1 to 4: the switch as its subscribers use it. <see cref="StartAsync"/> starts the supervision tree; each
/// other method acts at a line, found by its number, and talks to the line's call where the action concerns the call.
/// Only calls are made here, from outside any process, so the client API adds no waiting inside the switch.
/// </summary>
public sealed class Exchange
{
    private Exchange(Node node, Pid supervisor, SwitchConfig config)
    {
        Node = node;
        Supervisor = supervisor;
        Config = config;
    }

    /// <summary>The node the switch runs on.</summary>
    public Node Node { get; }

    /// <summary>The root supervisor of the switch.</summary>
    public Pid Supervisor { get; }

    /// <summary>The switch's registry, names and ring time-out.</summary>
    public SwitchConfig Config { get; }

    /// <summary>
    /// Step 1: starts a switch on <paramref name="node"/> with one line per number: a new unique-key registry, and a
    /// <see cref="SwitchSupervisor"/> (not linked to the caller) over the calls and the lines.
    /// </summary>
    /// <param name="node">The node to run on; its clock times the rings.</param>
    /// <param name="numbers">The lines' numbers: at least one, none empty, no two alike.</param>
    /// <param name="ringTimeout">How long a call rings unanswered before it ends; more than zero.</param>
    /// <returns>The switch, its lines idle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> or <paramref name="numbers"/> is null.</exception>
    /// <exception cref="ArgumentException">No numbers, an empty or null number, or a number twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ringTimeout"/> is not more than zero.</exception>
    public static async Task<Exchange> StartAsync(Node node, IEnumerable<string> numbers, TimeSpan ringTimeout)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(numbers);
        var lines = numbers.ToList();
        if (lines.Count == 0 || lines.Any(string.IsNullOrEmpty) || lines.Distinct().Count() != lines.Count)
        {
            throw new ArgumentException("A switch needs at least one number, none empty and no two alike.", nameof(numbers));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ringTimeout, TimeSpan.Zero);
        var config = new SwitchConfig(new Registry(RegistryKeys.Unique), ringTimeout);
        var root = await Otp.Supervisor.StartAsync(node, new SwitchSupervisor(lines, config));
        return new Exchange(node, root, config);
    }

    /// <summary>Step 1: the line process with this number now, or null (no such line, or it is being restarted).</summary>
    /// <param name="number">The line's number.</param>
    /// <returns>The line's pid, or null.</returns>
    public Pid? WhereIs(string number) => Config.Registry.WhereIsName(number);

    /// <summary>Step 1: asks the line <paramref name="number"/> for its status.</summary>
    /// <param name="number">The line's number.</param>
    /// <returns>The line's status.</returns>
    /// <exception cref="NoProcessException">No line has this number (or it is being restarted).</exception>
    public Task<LineStatus> LineStatusAsync(string number) =>
        GenServer.CallAsync<LineStatus>(Node, Config.LineName(number), new GetLineStatus());

    /// <summary>Step 2: lifts the handset at <paramref name="number"/>: an idle line starts a call in Dialing.</summary>
    /// <param name="number">The line's number.</param>
    /// <returns>The line's status: engaged in its new call, or unchanged if it was not idle.</returns>
    /// <exception cref="NoProcessException">No line has this number.</exception>
    public Task<LineStatus> OffHookAsync(string number) =>
        GenServer.CallAsync<LineStatus>(Node, Config.LineName(number), new OffHook());

    /// <summary>Step 2: asks a call for its status.</summary>
    /// <param name="call">The call process.</param>
    /// <returns>The call's status.</returns>
    /// <exception cref="NoProcessException">The call is over (or never was).</exception>
    public Task<CallStatus> CallStatusAsync(Pid call) =>
        StateMachine.CallAsync<CallStatus>(Node, call, new GetCallStatus());

    /// <summary>Step 3: dials <paramref name="callee"/> on the call of line <paramref name="number"/>.</summary>
    /// <param name="number">The caller's line.</param>
    /// <param name="callee">The number dialled.</param>
    /// <returns>The call's status (Ringing or Busy after a dial in Dialing), or null if the line has no call.</returns>
    public Task<CallStatus?> DialAsync(string number, string callee) => ToCallOfAsync(number, new Dial(callee));

    /// <summary>Step 4: answers, at line <paramref name="number"/>, the call that rings it.</summary>
    /// <param name="number">The callee's line.</param>
    /// <returns>The call's status (Connected after an answer in Ringing), or null if the line has no call.</returns>
    public Task<CallStatus?> AnswerAsync(string number) => ToCallOfAsync(number, new Answer(number));

    /// <summary>Step 4: puts the handset down at line <paramref name="number"/>: its call ends, both lines idle.</summary>
    /// <param name="number">A party's line.</param>
    /// <returns>The call's status (HungUp), or null if the line has no call.</returns>
    public Task<CallStatus?> OnHookAsync(string number) => ToCallOfAsync(number, new HangUp(number));

    /// <summary>Finds the call of a line, then calls it: two calls from outside, never one process calling another.</summary>
    private async Task<CallStatus?> ToCallOfAsync(string number, object request)
    {
        var line = await LineStatusAsync(number);
        return line.Call is { } call ? await StateMachine.CallAsync<CallStatus>(Node, call, request) : null;
    }
}
