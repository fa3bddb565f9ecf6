using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Otp.Dashboard.Demo;

/// <summary>
/// How much an open dashboard costs a busy node: with 100,000 idle processes alive, producer processes (two per core)
/// each stream messages to a consumer in batches of 1,000 (each batch acknowledged, so mailboxes stay short) for a few
/// seconds at a time, and the messages consumed per second are compared between rounds without a dashboard and rounds
/// with another web app holding one idle client connection (the control), with the dashboard started and no page, or
/// with one page connected to its event stream (Home, Processes or Applications), measured from the page's first update
/// on (so the steady cost of a page left open, not the one-off cost of opening it). Settings alternate within each
/// round, in an order that rotates from round to round, so a change in the machine's load hits them alike; each setting
/// is compared with the same round's run without a dashboard.
/// <c>dotnet run -c Release --project dashboard/demo -- --load [--processes 100000] [--rounds 5] [--seconds 3] [--pairs 2 per core] [--cost]</c>
/// (with <c>--cost</c>, see <see cref="MeasureCostAsync"/>).
/// </summary>
internal static class LoadMeasurement
{
    private const int Batch = 1_000;
    private const string NoDashboard = "none";

    /// <summary>
    /// No dashboard; an ASP.NET Core app that is not the dashboard with one idle connection; the dashboard started with no
    /// page; then the dashboard with each page open (the page's name is its event stream's view).
    /// </summary>
    private static readonly string[] Settings = [NoDashboard, Connection, Unwatched, "home", "processes", "applications"];

    /// <summary>
    /// The control: an empty ASP.NET Core app (no dashboard, nothing sampled) holding one idle keep-alive connection. What it
    /// costs, any web server with a client connected costs the node, whatever it serves.
    /// </summary>
    private const string Connection = "connection";

    /// <summary>The dashboard started and no page open: what the web server alone costs.</summary>
    private const string Unwatched = "unwatched";

    public static async Task<int> RunAsync(string[] args)
    {
        var processes = Option(args, "--processes", 100_000);
        var rounds = Option(args, "--rounds", 5);
        var seconds = Option(args, "--seconds", 3);
        var pairs = Option(args, "--pairs", 2 * Environment.ProcessorCount);
        using var node = new Node(new NodeOptions { Name = "load@localhost" });
        using var inbox = node.CreateInbox();
        for (var i = 0; i < processes; i++)
        {
            node.Spawn(ctx => ctx.ReceiveAsync().AsTask()); // idle: waits for a message that never comes
        }

        // One walk of the process table, as the dashboard's sampling (and the Otp meter) does once per update.
        var walk = Stopwatch.StartNew();
        const int Walks = 20;
        for (var i = 0; i < Walks; i++)
        {
            node.GetStatistics();
        }

        Console.WriteLine($"the node's counts (one walk of {node.ProcessCount:N0} processes) take {walk.Elapsed.TotalMilliseconds / Walks:N1} ms");

        if (args.Contains("--cost"))
        {
            return await MeasureCostAsync(node, rounds, seconds);
        }

        Console.WriteLine($"{node.ProcessCount:N0} processes alive; {pairs} producer-consumer pairs; {rounds} rounds of {seconds} s per setting; messages consumed per second:");
        // Warm-up: the JIT reaches its optimised tier, and the thread pool sheds the threads it added while 100,000
        // processes were spawned (about 11 on 2 cores, falling to 3 over a minute; the rate with 11 is a third lower, so
        // measuring before the pool settles compares thread counts, not dashboards).
        var warming = Stopwatch.StartNew();
        do
        {
            await MeasureAsync(node, inbox, TimeSpan.FromSeconds(3), pairs);
        }
        while (ThreadPool.ThreadCount > Environment.ProcessorCount + 1 && warming.Elapsed < TimeSpan.FromMinutes(3));
        Console.WriteLine($"warmed up for {warming.Elapsed.TotalSeconds:N0} s: {ThreadPool.ThreadCount} thread-pool threads");
        var results = await RoundsAsync(node, rounds, () => MeasureAsync(node, inbox, TimeSpan.FromSeconds(seconds), pairs), rate => $"{rate,12:N0} /s");

        // Each round's page is compared with the same round's run without a dashboard, a few seconds apart, so a slow
        // stretch of the machine counts against both; the table gives the median of those changes, their range and a 90%
        // interval of that median.
        var baseline = results[NoDashboard];
        Console.WriteLine();
        Console.WriteLine("| dashboard | messages/s (median) | change against the same round without a dashboard: median (range) | 90% interval of that median |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var setting in Settings)
        {
            var changes = results[setting].Select((rate, round) => (rate - baseline[round]) / baseline[round]).ToList();
            var (change, interval) = ("", "");
            if (setting != NoDashboard)
            {
                var (low, high) = MedianInterval(changes);
                change = $"{Median(changes):+0.0%;-0.0%} ({changes.Min():+0.0%;-0.0%} to {changes.Max():+0.0%;-0.0%})";
                interval = $"{low:+0.0%;-0.0%} to {high:+0.0%;-0.0%}";
            }

            Console.WriteLine($"| {TableLabel(setting)} | {Median(results[setting]):N0} | {change} | {interval} |");
        }

        return 0;
    }

    /// <summary>
    /// With <c>--cost</c>: the dashboard's own cost, without the noise of a busy node's throughput. The node holds its idle
    /// processes and nothing else runs, so the CPU time and the bytes the process uses while a page is open (minus what it
    /// uses with no dashboard) are the page's: the CPU it takes from whatever the node would be doing, and the garbage it
    /// gives the node's collector. Reported as medians over the rounds.
    /// </summary>
    private static async Task<int> MeasureCostAsync(Node node, int rounds, int seconds)
    {
        Console.WriteLine($"{node.ProcessCount:N0} processes alive, nothing else running; {rounds} rounds of {seconds} s per setting:");
        var duration = TimeSpan.FromSeconds(seconds);
        var results = await RoundsAsync(node, rounds, () => CostAsync(duration),
            cost => $"CPU {cost.Cpu,6:P1} of one core, {cost.Bytes / 1e6,7:N1} MB/s allocated, {cost.Gen2} gen2 GCs");

        Console.WriteLine();
        Console.WriteLine("| dashboard | CPU (share of one core) | allocated | gen2 GCs per round |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var setting in Settings)
        {
            var costs = results[setting];
            Console.WriteLine($"| {TableLabel(setting)} | {Median([.. costs.Select(r => r.Cpu)]):P1} | {Median([.. costs.Select(r => r.Bytes)]) / 1e6:N1} MB/s | {Median([.. costs.Select(r => (double)r.Gen2)]):N0} |");
        }

        return 0;
    }

    /// <summary>
    /// Runs <paramref name="measure"/> in each of <paramref name="rounds"/> rounds once per setting: with no dashboard, with
    /// the control's idle connection, with the dashboard started and no page, and with each page open. The settings
    /// alternate round by round, so a change in the machine's load hits them alike, and their order rotates from round to
    /// round.
    /// Prints each measurement (<paramref name="show"/>) and returns them by setting.
    /// </summary>
    private static async Task<Dictionary<string, List<T>>> RoundsAsync<T>(Node node, int rounds, Func<Task<T>> measure, Func<T, string> show)
    {
        var results = Settings.ToDictionary(s => s, _ => new List<T>());
        for (var round = 1; round <= rounds; round++)
        {
            // Each round starts with the next setting, so no setting always runs first or right after another.
            var first = (round - 1) % Settings.Length;
            foreach (var setting in Settings.Skip(first).Concat(Settings.Take(first)))
            {
                var result = setting switch
                {
                    NoDashboard => await measure(),
                    Connection => await WithIdleConnectionAsync(measure),
                    _ => await WithPageAsync(node, setting, measure),
                };
                results[setting].Add(result);
                Console.WriteLine($"  round {round}, dashboard {TableLabel(setting),-32} {show(result)}  (then: {ThreadPool.ThreadCount} thread-pool threads; gen0/1/2 collections so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})");
            }
        }

        return results;
    }

    private static string TableLabel(string setting) => setting switch
    {
        NoDashboard => "not started",
        Connection => "none; another web app, 1 client",
        Unwatched => "started, no page open",
        _ => $"open, {setting} page",
    };

    /// <summary>The process's CPU time (as a share of one core), bytes allocated per second and gen2 collections over <paramref name="duration"/>.</summary>
    private static async Task<(double Cpu, double Bytes, int Gen2)> CostAsync(TimeSpan duration)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes();
        var gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration); // the window measured: the dashboard's timers and the page's stream run meanwhile
        self.Refresh();
        var elapsed = clock.Elapsed.TotalSeconds;
        return ((self.TotalProcessorTime - cpu).TotalSeconds / elapsed, (GC.GetTotalAllocatedBytes() - bytes) / elapsed, GC.CollectionCount(2) - gen2);
    }

    /// <summary>
    /// Starts an ASP.NET Core app with one endpoint (not the dashboard), makes one request to it and keeps that connection
    /// open and idle while <paramref name="measure"/> runs.
    /// </summary>
    private static async Task<T> WithIdleConnectionAsync<T>(Func<Task<T>> measure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await http.GetStringAsync(""); // the connection stays in the client's pool, open and idle, until the client goes
        var result = await measure();
        await app.StopAsync();
        return result;
    }

    /// <summary>
    /// Starts the dashboard, connects a page's event stream (none for <see cref="Unwatched"/>), runs
    /// <paramref name="measure"/>, and stops both.
    /// </summary>
    private static async Task<T> WithPageAsync<T>(Node node, string view, Func<Task<T>> measure)
    {
        await using var dashboard = await node.UseDashboardAsync(0, new DashboardOptions { Output = TextWriter.Null });
        if (view == Unwatched)
        {
            return await measure();
        }

        using var http = new HttpClient { BaseAddress = dashboard.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        using var response = await http.GetAsync($"api/events?view={view}", HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wanted = "event: " + view switch { "processes" => "processes", "applications" => "tree", _ => "node" };
        var reading = Task.Run(async () =>
        {
            using var reader = new StreamReader(stream);
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (line == wanted)
                    {
                        first.TrySetResult();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        // The page is connected and has had its first update of its own data: what opening it costs (the first snapshot of
        // the process table, for the Processes and Applications pages) is paid before the measurement starts.
        await first.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var rate = await measure();
        await stop.CancelAsync();
        await reading;
        return rate;
    }

    /// <summary>
    /// Streams batches from <paramref name="pairs"/> producers to as many consumers for <paramref name="duration"/>; returns
    /// the messages consumed per second by all of them. Several pairs (two per core by default) keep every core busy, so the
    /// node's work competes with the dashboard for CPU, and the rate does not hang on where one pair's two threads happen
    /// to be scheduled.
    /// </summary>
    private static async Task<double> MeasureAsync(Node node, ProcessContext inbox, TimeSpan duration, int pairs)
    {
        var report = inbox.Self;
        var clock = Stopwatch.StartNew();
        for (var pair = 0; pair < pairs; pair++)
        {
            var consumer = node.Spawn(async ctx =>
            {
                long count = 0;
                while (true)
                {
                    var message = await ctx.ReceiveAsync();
                    if (message is Pid producer)
                    {
                        ctx.Send(producer, "ack"); // the batch's last message names its producer
                    }
                    else if (message is "stop")
                    {
                        ctx.Send(report, count);
                        return;
                    }

                    count++;
                }
            });
            node.Spawn(async ctx =>
            {
                while (clock.Elapsed < duration)
                {
                    for (var i = 1; i < Batch; i++)
                    {
                        ctx.Send(consumer, i);
                    }

                    ctx.Send(consumer, ctx.Self);
                    await ctx.ReceiveAsync<string>(s => s == "ack");
                }

                ctx.Send(consumer, "stop");
            });
        }

        long consumed = 0;
        for (var pair = 0; pair < pairs; pair++)
        {
            consumed += (long)(await inbox.ReceiveAsync(m => m is long, TimeSpan.FromMinutes(5)) ?? throw new TimeoutException($"consumer {pair + 1} of {pairs} did not report its count within 5 minutes"));
        }

        return consumed / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A bootstrap 90% interval of the median of <paramref name="values"/>: the 5th and 95th percentiles of the medians of
    /// 5,000 resamples (with replacement, fixed seed, so a run's table can be computed again from its printed rounds).
    /// </summary>
    private static (double Low, double High) MedianInterval(List<double> values)
    {
        const int Resamples = 5_000;
        var random = new Random(1);
        var medians = new double[Resamples];
        var sample = new List<double>(values.Count);
        for (var i = 0; i < Resamples; i++)
        {
            sample.Clear();
            for (var j = 0; j < values.Count; j++)
            {
                sample.Add(values[random.Next(values.Count)]);
            }

            medians[i] = Median(sample);
        }

        Array.Sort(medians);
        return (medians[(int)(Resamples * 0.05)], medians[(int)(Resamples * 0.95)]);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
