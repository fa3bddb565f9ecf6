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
    public static Task<Exchange> StartAsync(Node node, IEnumerable<string> numbers, TimeSpan ringTimeout)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(numbers);
        var lines = numbers.ToList();

        // TODO Step 1.1: refuse no numbers, an empty or null number, or a number twice (ArgumentException naming
        //                numbers), and a ring time-out not above zero (ArgumentOutOfRangeException), before starting anything.
        // TODO Step 1.2: make new SwitchConfig(new Registry(RegistryKeys.Unique), ringTimeout), start the tree with
        //                Otp.Supervisor.StartAsync(node, new SwitchSupervisor(lines, config)) (an async method awaits it),
        //                and return new Exchange(node, root, config).
        throw new NotImplementedException("Step 1: implement Exchange.StartAsync (see README, step 1).");
    }

    /// <summary>Step 1: the line process with this number now, or null (no such line, or it is being restarted).</summary>
    /// <param name="number">The line's number.</param>
    /// <returns>The line's pid, or null.</returns>
    public Pid? WhereIs(string number) =>
        // TODO Step 1.5: ask the registry (Config.Registry.WhereIsName).
        throw new NotImplementedException("Step 1: implement Exchange.WhereIs (see README, step 1).");

    /// <summary>Step 1: asks the line <paramref name="number"/> for its status.</summary>
    /// <param name="number">The line's number.</param>
    /// <returns>The line's status.</returns>
    /// <exception cref="NoProcessException">No line has this number (or it is being restarted).</exception>
    public Task<LineStatus> LineStatusAsync(string number) =>
        // TODO Step 1.6: GenServer.CallAsync<LineStatus>(Node, Config.LineName(number), new GetLineStatus()).
        throw new NotImplementedException("Step 1: implement Exchange.LineStatusAsync (see README, step 1).");

    /// <summary>Step 2: lifts the handset at <paramref name="number"/>: an idle line starts a call in Dialing.</summary>
    /// <param name="number">The line's number.</param>
    /// <returns>The line's status: engaged in its new call, or unchanged if it was not idle.</returns>
    /// <exception cref="NoProcessException">No line has this number.</exception>
    public Task<LineStatus> OffHookAsync(string number) =>
        // TODO Step 2.1: as LineStatusAsync, with new OffHook().
        throw new NotImplementedException("Step 2: implement Exchange.OffHookAsync (see README, step 2).");

    /// <summary>Step 2: asks a call for its status.</summary>
    /// <param name="call">The call process.</param>
    /// <returns>The call's status.</returns>
    /// <exception cref="NoProcessException">The call is over (or never was).</exception>
    public Task<CallStatus> CallStatusAsync(Pid call) =>
        // TODO Step 2.2: StateMachine.CallAsync<CallStatus>(Node, call, new GetCallStatus()).
        throw new NotImplementedException("Step 2: implement Exchange.CallStatusAsync (see README, step 2).");

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
    private Task<CallStatus?> ToCallOfAsync(string number, object request)
    {
        // TODO Step 2.3: ask the line for its status (LineStatusAsync); if it has a Call, send it `request` with
        //                StateMachine.CallAsync<CallStatus> and return the reply; otherwise return null.
        throw new NotImplementedException("Step 2: implement the calls to a line's call (see README, step 2).");
    }
}
