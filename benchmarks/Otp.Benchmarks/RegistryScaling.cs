using System.Diagnostics;
using System.Globalization;

namespace Otp.Benchmarks;

/// <summary>
/// The registry under concurrency, as a timed script (<c>--registry</c>): 64 processes at once either register a key,
/// look it up and unregister it, over and over (unique keys are each process's own, duplicate keys 16 shared topics),
/// or look up 1,024 registered keys. The configurations are interleaved round after round so that a shared machine's
/// changing load falls on all of them alike; prints the median time per registry operation. Its version at commit
/// 177202b also varied Elixir's <c>:partitions</c> (1, 2, 8); they did not pay on 2 cores (otp/README.md, Registry).
/// </summary>
internal static class RegistryScaling
{
    private const int Processes = 64;
    private const int Rounds = 2000;
    private const int Repeats = 9;

    public static async Task<int> RunAsync(TextWriter output)
    {
        var configurations = (from lookupsOnly in new[] { false, true }
                              from keys in new[] { RegistryKeys.Unique, RegistryKeys.Duplicate }
                              select (keys, lookupsOnly)).ToArray();
        var samples = configurations.ToDictionary(c => c, _ => new List<double>());
        using var node = new Node();
        var inbox = node.CreateInbox();
        foreach (var configuration in configurations)
        {
            await RunOnceAsync(node, inbox, configuration.keys, configuration.lookupsOnly); // warm-up
        }

        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            foreach (var configuration in configurations)
            {
                samples[configuration].Add(await RunOnceAsync(node, inbox, configuration.keys, configuration.lookupsOnly));
            }
        }

        output.WriteLine($"{Environment.ProcessorCount} cores; {Processes} processes x {Rounds} x (register, lookup, unregister) or x 3 lookups of 1,024 keys; median of {Repeats}, ns per operation");
        foreach (var ((keys, lookupsOnly), times) in samples)
        {
            var sorted = times.Order().ToArray();
            var workload = lookupsOnly ? "lookups" : "register, lookup, unregister";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload,-28} {keys,-9}: {sorted[sorted.Length / 2],7:F1} (min {sorted[0]:F1}, max {sorted[^1]:F1})"));
        }

        return 0;
    }

    private static async Task<double> RunOnceAsync(Node node, ProcessContext inbox, RegistryKeys keys, bool lookupsOnly)
    {
        var registry = new Registry(keys);
        var me = inbox.Self;
        var unique = keys == RegistryKeys.Unique;
        if (lookupsOnly)
        {
            for (var k = 0; k < 1024; k++)
            {
                registry.Register(inbox, k, k); // a unique key each; in a duplicate registry, 1,024 keys of one entry
            }
        }

        var clock = Stopwatch.StartNew();
        for (var p = 0; p < Processes; p++)
        {
            var id = p;
            node.Spawn(ctx =>
            {
                for (var round = 0; round < Rounds && lookupsOnly; round++)
                {
                    _ = registry.Lookup((id * 7 + round) % 1024);
                    _ = registry.Lookup((id * 11 + round) % 1024);
                    _ = registry.Lookup((id * 13 + round) % 1024);
                }

                for (var round = 0; round < Rounds && !lookupsOnly; round++)
                {
                    object key = unique ? (id, round) : (round % 16);
                    registry.Register(ctx, key, round);
                    _ = registry.Lookup(key);
                    registry.Unregister(ctx, key);
                }

                ctx.Send(me, "done");
                return Task.CompletedTask;
            });
        }

        for (var p = 0; p < Processes; p++)
        {
            await inbox.ReceiveAsync();
        }

        var elapsed = clock.Elapsed.TotalNanoseconds;
        foreach (var key in registry.Keys(inbox.Self))
        {
            registry.Unregister(inbox, key);
        }

        return elapsed / (Processes * Rounds * 3.0);
    }
}
