using System.Diagnostics;
using System.Globalization;

namespace Otp.Benchmarks;

/// <summary>
/// The registry partition measurement as a timed script (<c>--registry</c>): the workload of <see cref="RegistryBenchmarks"/>
/// for each kind of keys and number of partitions, the configurations interleaved round after round so that a shared
/// machine's changing load falls on all of them alike; prints the median time per registry operation.
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
                              from partitions in new[] { 1, 2, 8 }
                              select (keys, partitions, lookupsOnly)).ToArray();
        var samples = configurations.ToDictionary(c => c, _ => new List<double>());
        using var node = new Node();
        var inbox = node.CreateInbox();
        foreach (var configuration in configurations)
        {
            await RunOnceAsync(node, inbox, configuration.keys, configuration.partitions, configuration.lookupsOnly); // warm-up
        }

        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            foreach (var configuration in configurations)
            {
                samples[configuration].Add(await RunOnceAsync(node, inbox, configuration.keys, configuration.partitions, configuration.lookupsOnly));
            }
        }

        output.WriteLine($"{Environment.ProcessorCount} cores; {Processes} processes x {Rounds} x (register, lookup, unregister) or x 3 lookups of 1,024 keys; median of {Repeats}, ns per operation");
        foreach (var ((keys, partitions, lookupsOnly), times) in samples)
        {
            var sorted = times.Order().ToArray();
            var workload = lookupsOnly ? "lookups" : "register, lookup, unregister";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload,-28} {keys,-9} partitions {partitions}: {sorted[sorted.Length / 2],7:F1} (min {sorted[0]:F1}, max {sorted[^1]:F1})"));
        }

        return 0;
    }

    private static async Task<double> RunOnceAsync(Node node, ProcessContext inbox, RegistryKeys keys, int partitions, bool lookupsOnly)
    {
        var registry = new Registry(new RegistryOptions { Keys = keys, Partitions = partitions });
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
