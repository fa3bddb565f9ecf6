using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace TasksAndAgents;

/// <summary>
/// Fetches prices from an <see cref="IPriceSource"/>, each fetch in a task: a process of its own that runs one function
/// and sends its result to the process that started it (the owner). Three ways to run them, each with its own answer to
/// "what if the fetch is slow, or fails?": <see cref="FetchAsync"/> (linked, awaited with a time-out),
/// <see cref="FetchSupervisedAsync"/> (under a task supervisor, not linked) and <see cref="FetchAllAsync"/> (a stream of
/// tasks, a few at a time). Every method runs in the owner's code: the reply comes to the owner's mailbox.
/// </summary>
public sealed class PriceChecker
{
    private readonly IPriceSource _source;

    /// <summary>Creates a checker that fetches from <paramref name="source"/>.</summary>
    /// <param name="source">Where prices come from.</param>
    public PriceChecker(IPriceSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>
    /// Step 1: fetches one price in a task linked to <paramref name="owner"/> (Elixir's <c>Task.async</c>) and awaits it
    /// for at most <paramref name="timeout"/> on the node's clock (<c>Task.await</c>). When the time runs out this throws
    /// <see cref="TaskTimeoutException"/>; uncaught, it ends the owner, and the link then ends the task too. A crash in
    /// the task ends the owner through the link, whether or not the owner catches anything.
    /// </summary>
    /// <param name="owner">The calling process; the task is linked to it and replies to it.</param>
    /// <param name="product">The product.</param>
    /// <param name="timeout">How long to wait for the price.</param>
    /// <returns>The quote.</returns>
    public async Task<Quote> FetchAsync(ProcessContext owner, string product, TimeSpan timeout)
    {
        // Async spawns the task, links it to the owner and monitors it, all before it returns; nothing runs in the
        // owner's process but the wait.
        var task = OtpTask.Async(owner, self => FetchQuoteAsync(product, self));
        return await OtpTask.AwaitAsync(task, timeout);
    }

    /// <summary>
    /// Step 2: fetches one price in a task started under <paramref name="supervisor"/> and only monitored by
    /// <paramref name="owner"/> (Elixir's <c>Task.Supervisor.async_nolink</c>), and waits for it for at most
    /// <paramref name="timeout"/> (<c>Task.yield</c>). A crash comes back as <c>{:exit, reason}</c> and the owner lives on;
    /// when the time runs out the task is shut down and the result is <c>{:exit, :timeout}</c>.
    /// </summary>
    /// <param name="owner">The calling process; it monitors the task and gets its reply.</param>
    /// <param name="supervisor">A task supervisor (<see cref="TaskSupervisor.StartAsync(Node, DynamicSupervisorOptions?)"/>).</param>
    /// <param name="product">The product.</param>
    /// <param name="timeout">How long to wait for the price; zero takes it only if it is already there.</param>
    /// <returns><c>{:ok, quote}</c>, or <c>{:exit, reason}</c> for a fetch that crashed or was too slow.</returns>
    public async Task<TaskResult<Quote>> FetchSupervisedAsync(ProcessContext owner, ServerRef supervisor, string product, TimeSpan timeout)
    {
        var task = await TaskSupervisor.RunNolinkAsync(owner, supervisor, self => FetchQuoteAsync(product, self));

        // Elixir's idiom: Task.yield(task, timeout) || Task.shutdown(task). Yield gives null when the time is up and
        // leaves the task running; shutdown then stops it, and still hands over a reply that came in the meantime.
        var result = await OtpTask.YieldAsync(task, timeout) ?? await OtpTask.ShutdownAsync(task, ShutdownSpec.BrutalKill);

        // Null from shutdown: the task was stopped as asked, so it never answered.
        return result ?? TaskResult<Quote>.Exit(ExitReason.Timeout);
    }

    /// <summary>
    /// Step 3: fetches every price, each in a task of its own, at most <paramref name="maxConcurrency"/> at a time, and
    /// returns the quotes in the order of <paramref name="products"/> (Elixir's <c>Task.async_stream</c> with
    /// <c>max_concurrency</c> and <c>ordered: true</c>). The tasks are linked to the owner, so a fetch that fails takes it down.
    /// </summary>
    /// <param name="owner">The calling process.</param>
    /// <param name="products">The products, in the order wanted.</param>
    /// <param name="maxConcurrency">How many fetches may run at once; at least 1.</param>
    /// <returns>One quote per product, in the same order.</returns>
    public async Task<IReadOnlyList<Quote>> FetchAllAsync(ProcessContext owner, IEnumerable<string> products, int maxConcurrency)
    {
        // The stream checks the options when it is made: a limit below 1 is refused before any task starts.
        var options = new AsyncStreamOptions { MaxConcurrency = maxConcurrency, Ordered = true };
        var stream = OtpTask.AsyncStream(owner, products, (string product, ProcessContext self) => FetchQuoteAsync(product, self), options);

        var quotes = new List<Quote>();
        await foreach (var result in stream)
        {
            // Linked tasks: a failed fetch has already taken the owner down, so each result here is {:ok, quote}.
            quotes.Add(result.Value);
        }

        return quotes;
    }

    // The work each task does, in the task's own process.
    private async Task<Quote> FetchQuoteAsync(string product, ProcessContext self) =>
        new(product, await _source.FetchAsync(product, self));
}
