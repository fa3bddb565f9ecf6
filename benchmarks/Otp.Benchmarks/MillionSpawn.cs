using System.Diagnostics;
using Proto;

namespace Otp.Benchmarks;

/// <summary>
/// Spawns one million idle processes (or actors) once, outside BenchmarkDotNet, and reports the time until all have started
/// and the managed memory they keep (after a full collection), per process. Run one runtime per program run, so each starts
/// from a clean heap.
/// </summary>
internal static class MillionSpawn
{
    private const int Count = 1_000_000;

    public static async Task<int> RunAsync(string runtime, TextWriter output)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var started = new Countdown(Count);
        var clock = Stopwatch.StartNew();
        Func<Task> cleanUp;
        switch (runtime)
        {
            case "otp":
                var node = new Node();
                var body = OtpBodies.Idle(started);
                for (var i = 0; i < Count; i++)
                {
                    node.Spawn(body);
                }

                cleanUp = () =>
                {
                    node.Dispose();
                    return Task.CompletedTask;
                };
                break;
            case "akka":
                var akka = AkkaSetup.NewSystem();
                var akkaProps = Akka.Actor.Props.Create(() => new AkkaIdle(started));
                for (var i = 0; i < Count; i++)
                {
                    akka.ActorOf(akkaProps);
                }

                cleanUp = () => akka.Terminate();
                break;
            case "proto":
                var proto = new Proto.ActorSystem();
                var protoProps = Proto.Props.FromProducer(() => new ProtoIdle(started));
                for (var i = 0; i < Count; i++)
                {
                    proto.Root.Spawn(protoProps);
                }

                cleanUp = () => proto.ShutdownAsync();
                break;
            default:
                await output.WriteLineAsync($"Unknown runtime '{runtime}': use otp, akka or proto.");
                return 2;
        }

        await started.Done;
        var elapsed = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        await output.WriteLineAsync(
            $"{runtime}: {Count:N0} idle processes started in {elapsed.TotalSeconds:F2} s " +
            $"({elapsed.TotalNanoseconds / Count:F0} ns each); managed heap kept {(after - before) / (1024.0 * 1024):F0} MiB " +
            $"({(after - before) / (double)Count:F0} bytes each); working set {Environment.WorkingSet / (1024.0 * 1024):F0} MiB");
        await cleanUp();
        return 0;
    }
}
