using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Supervisors.Hidden;

/// <summary>
/// What every test shares: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>), the
/// <see cref="StaffLog"/> handed to the supervisors, and helpers that start supervisors, read their children, stop
/// workers and wait for exits. Every wait is bounded (2 s of real time, never needed by a working solution), ends at
/// once if the process it depends on dies, and says what it waited for.
/// </summary>
public abstract class HiddenTest
{
    /// <summary>How long a wait lasts before the test fails: generous, since a working solution never needs it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The reason the tests crash a worker with.</summary>
    protected static readonly Atom Crash = new("crash");

    private CancellationTokenSource _teardown = null!;

    /// <summary>The node's clock.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The node every process of the test runs on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The log every worker writes to.</summary>
    protected StaffLog Log { get; private set; } = null!;

    [SetUp]
    public void StartNode()
    {
        Clock = new FakeTimeProvider();
        Node = new Node(Clock);
        Log = new StaffLog();
        _teardown = new CancellationTokenSource();
    }

    [TearDown]
    public void StopNode()
    {
        _teardown.Cancel(); // the exits still watched are of no interest any more
        _teardown.Dispose();
        Node.Dispose(); // kills whatever the test left running
    }

    /// <summary>Starts <paramref name="supervisor"/> on the node, not linked to anything, and returns its pid.</summary>
    protected async Task<Pid> StartAsync(SupervisorBase supervisor, string what)
    {
        try
        {
            return await Supervisor.StartAsync(Node, supervisor).WaitAsync(Patience);
        }
        catch (StartFailedException failed)
        {
            Assert.Fail($"{what} failed to start: {Describe(failed.Reason)}.");
            throw;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what} to start; its Init (or a child's) never returned.");
            throw;
        }
    }

    /// <summary>The children of <paramref name="supervisor"/> as <c>WhichChildrenAsync</c> lists them: newest first.</summary>
    protected async Task<IReadOnlyList<ChildInfo>> ChildrenAsync(Pid supervisor, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return await Supervisor.WhichChildrenAsync(Node, supervisor, patience.Token);
        }
        catch (ProcessExitedException exited)
        {
            Assert.Fail($"{what} exited ({Describe(exited.Reason)}) while the test asked for its children.");
            throw;
        }
        catch (NoProcessException)
        {
            Assert.Fail($"{what} was not running any more when the test asked for its children. A supervisor exits " +
                        $"(with shutdown) when its children need more restarts than its intensity allows, or a restart keeps failing.");
            throw;
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for the children of {what}; it never answered.");
            throw;
        }
    }

    /// <summary>The pid of the child <paramref name="id"/> of <paramref name="supervisor"/>; fails if it is not listed or not running.</summary>
    protected async Task<Pid> ChildAsync(Pid supervisor, object id, string what)
    {
        var children = await ChildrenAsync(supervisor, what);
        var child = children.FirstOrDefault(c => Equals(c.Id, id));
        Assert.That(child, Is.Not.Null,
            $"{what} has no child with id {Show(id)}; its children are {Ids(children)}.");
        Assert.That(child!.Pid, Is.Not.Null, $"the child {Show(id)} of {what} is listed but not running.");
        return child.Pid!;
    }

    /// <summary>The ids of <paramref name="children"/>, as the test shows them.</summary>
    protected static string Ids(IEnumerable<ChildInfo> children) => $"[{string.Join(", ", children.Select(c => Show(c.Id)))}]";

    /// <summary>An id as the README names it: a type by its name, a string in quotes.</summary>
    protected static string Show(object id) => id is Type type ? $"typeof({type.Name})" : $"\"{id}\"";

    /// <summary>Stops the worker <paramref name="pid"/> with <paramref name="reason"/> (its Terminate runs) and returns once it has exited.</summary>
    protected async Task StopWorkerAsync(Pid pid, object reason, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await GenServer.StopAsync(Node, pid, reason, cancellationToken: patience.Token);
        }
        catch (NoProcessException)
        {
            Assert.Fail($"{what} was not running when the test stopped it.");
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what} to stop.");
        }
    }

    /// <summary>Crashes the worker <paramref name="pid"/> (it stops with the reason <c>crash</c>) and returns once it has exited.</summary>
    protected Task CrashAsync(Pid pid, string what) => StopWorkerAsync(pid, Crash, what);

    /// <summary>
    /// Starts watching <paramref name="pid"/> now, before the test makes it exit (a process that has exited leaves no
    /// reason behind: watched later, it would give <c>noproc</c>). Await the result with <see cref="ExitReasonAsync"/>.
    /// </summary>
    protected Task<object> Watch(Pid pid) => Node.WaitForExitAsync(pid, _teardown.Token);

    /// <summary>Waits for the exit <paramref name="watch"/> (from <see cref="Watch"/>) and returns its reason.</summary>
    protected async Task<object> ExitReasonAsync(Task<object> watch, string what)
    {
        try
        {
            return await watch.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what} to exit; it is still running.");
            throw;
        }
    }

    /// <summary>
    /// Waits for the journal entry <paramref name="match"/> accepts; fails at once if <paramref name="watched"/> exits first
    /// (the entry can only come from a process that is alive).
    /// </summary>
    protected async Task<LogEntry> LogAsync(Func<LogEntry, bool> match, string what, Pid watched, string watchedWhat)
    {
        using var stop = new CancellationTokenSource();
        var entry = Log.FirstAsync(match);
        var exit = Node.WaitForExitAsync(watched, stop.Token);
        try
        {
            var first = await Task.WhenAny(entry, exit).WaitAsync(Patience);
            if (first == entry)
            {
                return await entry;
            }

            Assert.Fail($"{watchedWhat} exited with {Describe(await exit)} while the test waited for {what}.");
            throw new InvalidOperationException("unreachable");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what}; it never came.");
            throw;
        }
        finally
        {
            await stop.CancelAsync(); // the exit is no longer awaited: drop its monitor
        }
    }

    /// <summary>An exit reason as a learner reads it: an exception by its type and message, a tuple element by element.</summary>
    protected static string Describe(object? reason) => reason switch
    {
        null => "null",
        Exception error => $"{error.GetType().Name}: {error.Message}",
        ShutdownReason shutdown => $"{{shutdown, {Describe(shutdown.Detail)}}}",
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Describe(tuple[i])))})",
        Type type => $"typeof({type.Name})",
        _ => reason.ToString() ?? "",
    };

    /// <summary>A call to <paramref name="server"/>, bounded.</summary>
    protected async Task<T> CallAsync<T>(Pid server, object request, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return await GenServer.CallAsync<T>(Node, server, request, cancellationToken: patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what}; no answer.");
            throw;
        }
    }

    /// <summary>Stops <paramref name="supervisor"/> and returns once it has stopped its children and exited.</summary>
    protected async Task StopSupervisorAsync(Pid supervisor, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await Supervisor.StopAsync(Node, supervisor, cancellationToken: patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what} to stop; a child's shutdown never ended.");
        }
    }

    /// <summary>The spec of the child <paramref name="id"/>, as the supervisor holds it.</summary>
    protected async Task<ChildSpec> SpecAsync(Pid supervisor, object id)
    {
        using var patience = new CancellationTokenSource(Patience);
        return await Supervisor.GetChildSpecAsync(Node, supervisor, id, patience.Token);
    }

    /// <summary>The children as a map from id to pid.</summary>
    protected async Task<Dictionary<object, Pid?>> PidsAsync(Pid supervisor, string what) =>
        (await ChildrenAsync(supervisor, what)).ToDictionary(c => c.Id, c => c.Pid);
}
