using BenchmarkDotNet.Attributes;
using Proto;

namespace Otp.Benchmarks;

/// <summary>
/// Spawning N idle processes from outside, timed until every one has started and waits for a message. Each iteration gets a
/// fresh node / actor system (created and torn down outside the measurement). Reported per process: time, and bytes
/// allocated (MemoryDiagnoser); the bytes an idle process keeps are measured by the one-million run (see Program.cs).
/// </summary>
[MemoryDiagnoser]
public class SpawnBenchmarks
{
    private const int Count = 10_000;

    private Node? _node;
    private Akka.Actor.ActorSystem? _akka;
    private Proto.ActorSystem? _proto;

    [IterationSetup(Target = nameof(Otp_Spawn))]
    public void NewNode() => _node = new Node();

    [IterationCleanup(Target = nameof(Otp_Spawn))]
    public void DisposeNode() => _node!.Dispose();

    [IterationSetup(Target = nameof(Akka_ActorOf))]
    public void NewAkka() => _akka = AkkaSetup.NewSystem();

    [IterationCleanup(Target = nameof(Akka_ActorOf))]
    public void TerminateAkka() => _akka!.Terminate().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Proto_Spawn))]
    public void NewProto() => _proto = new Proto.ActorSystem();

    [IterationCleanup(Target = nameof(Proto_Spawn))]
    public void ShutdownProto() => _proto!.ShutdownAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public Task Otp_Spawn()
    {
        var started = new Countdown(Count);
        var body = OtpBodies.Idle(started);
        for (var i = 0; i < Count; i++)
        {
            _node!.Spawn(body);
        }

        return started.Done;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public Task Akka_ActorOf()
    {
        var started = new Countdown(Count);
        var props = Akka.Actor.Props.Create(() => new AkkaIdle(started));
        for (var i = 0; i < Count; i++)
        {
            _akka!.ActorOf(props);
        }

        return started.Done;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public Task Proto_Spawn()
    {
        var started = new Countdown(Count);
        var props = Proto.Props.FromProducer(() => new ProtoIdle(started));
        for (var i = 0; i < Count; i++)
        {
            _proto!.Root.Spawn(props);
        }

        return started.Done;
    }
}
