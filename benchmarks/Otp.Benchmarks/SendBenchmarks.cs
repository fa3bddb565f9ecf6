using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Proto;

namespace Otp.Benchmarks;

/// <summary>
/// One-way sends: N messages from outside to one actor, timed until the actor has processed the last one.
/// Reported per message.
/// </summary>
[MemoryDiagnoser]
public class SendBenchmarks
{
    private const int Count = 100_000;

    private Node _node = null!;
    private Pid _otpCounter = null!;
    private Akka.Actor.ActorSystem _akka = null!;
    private IActorRef _akkaCounter = null!;
    private Proto.ActorSystem _proto = null!;
    private PID _protoCounter = null!;

    [GlobalSetup]
    public void SetUp()
    {
        _node = new Node();
        _otpCounter = _node.Spawn(OtpBodies.Counter);
        _akka = AkkaSetup.NewSystem();
        _akkaCounter = _akka.ActorOf(Akka.Actor.Props.Create<AkkaCounter>());
        _proto = new Proto.ActorSystem();
        _protoCounter = _proto.Root.Spawn(Proto.Props.FromProducer(() => new ProtoCounter()));
    }

    [GlobalCleanup]
    public async Task CleanUp()
    {
        _node.Dispose();
        await _akka.Terminate();
        await _proto.ShutdownAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public Task Otp_Send()
    {
        var done = new Countdown(1);
        _node.Send(_otpCounter, new Expect(Count, done));
        for (var i = 0; i < Count; i++)
        {
            _node.Send(_otpCounter, Messages.Tick);
        }

        return done.Done;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public Task Akka_Tell()
    {
        var done = new Countdown(1);
        _akkaCounter.Tell(new Expect(Count, done));
        for (var i = 0; i < Count; i++)
        {
            _akkaCounter.Tell(Messages.Tick);
        }

        return done.Done;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public Task Proto_Send()
    {
        var done = new Countdown(1);
        _proto.Root.Send(_protoCounter, new Expect(Count, done));
        for (var i = 0; i < Count; i++)
        {
            _proto.Root.Send(_protoCounter, Messages.Tick);
        }

        return done.Done;
    }
}
