using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Otp;

namespace Layers.Tangled;

/// <summary>
/// The program as it was first written: one class that holds the data, applies the rules, runs a process per poll and
/// writes to the console, all at once. It works (the tests pin what it does), but nothing in it can be tested,
/// reused or restarted on its own. Read it, then write the same behaviour in layers.
/// </summary>
/// <param name="node">The node the poll processes run on.</param>
/// <param name="console">Where every vote and every report is written as it happens.</param>
public sealed class TangledPolls(Node node, TextWriter console) : IPolls
{
    // The polls by name. A pid stays here after its process died: nothing watches it, and nobody would start it again.
    private readonly Dictionary<string, Pid> _polls = [];
    private readonly object _lock = new();

    /// <inheritdoc />
    public async Task OpenAsync(string name, string question, IReadOnlyList<string> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var opened = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Pid pid;
        lock (_lock)
        {
            if (_polls.ContainsKey(name))
            {
                throw new InvalidOperationException($"poll '{name}' is already open");
            }

            // The process checks the rest of the input, so a bad poll has been spawned (and has to be forgotten again) before it is refused.
            pid = node.Spawn(ctx => RunPoll(ctx, question, options, opened));
            _polls[name] = pid;
        }

        var refused = await opened.Task;
        if (refused is not null)
        {
            lock (_lock)
            {
                _polls.Remove(name);
            }

            throw refused;
        }
    }

    /// <inheritdoc />
    public Task<VoteOutcome> VoteAsync(string name, string voter, string option)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voter);
        ArgumentException.ThrowIfNullOrWhiteSpace(option);
        return Ask<VoteOutcome>(name, reply => ("vote", voter, option, reply));
    }

    /// <inheritdoc />
    public Task CloseAsync(string name) => Ask<object?>(name, reply => ("close", reply));

    /// <inheritdoc />
    public Task<string> ReportAsync(string name) => Ask<string>(name, reply => ("report", reply));

    private Task<T> Ask<T>(string name, Func<TaskCompletionSource<T>, object> request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Pid pid;
        lock (_lock)
        {
            if (!_polls.TryGetValue(name, out pid!))
            {
                throw new KeyNotFoundException($"no poll named '{name}'");
            }
        }

        // A reply travels back on a .NET task, not as a message: if the process has died, this waits for ever.
        var reply = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        node.Send(pid, request(reply));
        return reply.Task;
    }

    private async Task RunPoll(ProcessContext ctx, string question, IReadOnlyList<string> options, TaskCompletionSource<Exception?> opened)
    {
        Exception? refused = string.IsNullOrWhiteSpace(question) ? new ArgumentException("a poll needs a question", nameof(question))
            : options is null || options.Count < 2 || options.Count > 5 || options.Any(string.IsNullOrWhiteSpace) || options.Distinct().Count() != options.Count
                ? new ArgumentException("a poll needs 2 to 5 different options", nameof(options))
                : null;
        opened.SetResult(refused);
        if (refused is null)
        {
            await Serve(ctx, question, options!);
        }
    }

    private async Task Serve(ProcessContext ctx, string question, IReadOnlyList<string> options)
    {
        var choices = options.ToList();
        var ballots = new Dictionary<string, string>();
        var closed = false;

        while (true)
        {
            switch (await ctx.ReceiveAsync())
            {
                case ("vote", string voter, string option, TaskCompletionSource<VoteOutcome> reply):
                    VoteOutcome outcome;
                    if (closed)
                    {
                        outcome = VoteOutcome.Closed;
                    }
                    else if (!choices.Contains(option))
                    {
                        outcome = VoteOutcome.UnknownOption;
                    }
                    else
                    {
                        outcome = ballots.ContainsKey(voter) ? VoteOutcome.Replaced : VoteOutcome.Counted;
                        ballots[voter] = option;
                    }

                    console.WriteLine($"{voter} voted {option}: {outcome}");
                    reply.SetResult(outcome);
                    break;
                case ("close", TaskCompletionSource<object?> reply):
                    closed = true;
                    reply.SetResult(null);
                    break;
                case ("report", TaskCompletionSource<string> reply):
                    var text = new StringBuilder(question);
                    var counts = choices.Select((c, i) => (c, i, n: ballots.Values.Count(v => v == c)));
                    foreach (var (choice, _, n) in counts.OrderByDescending(x => x.n).ThenBy(x => x.i))
                    {
                        text.Append($" | {choice} {n}");
                    }

                    text.Append(ballots.Count == 1 ? " | 1 vote" : $" | {ballots.Count} votes");
                    if (closed)
                    {
                        text.Append(" | closed");
                    }

                    console.WriteLine(text);
                    reply.SetResult(text.ToString());
                    break;
            }
        }
    }
}
