using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Proto;

namespace Otp.Benchmarks;

/// <summary>
/// Request/reply round trips from outside the actor system, one after another: GenServer.CallAsync vs Akka's Ask vs
/// Proto.Actor's RequestAsync, each with its default time-out handling. Reported per round trip.
/// </summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private const int Calls = 1_000;

    private Node _node = null!;
    private Pid _otpEcho = null!;
    private Akka.Actor.ActorSystem _akka = null!;
    private IActorRef _akkaEcho = null!;
    private Proto.ActorSystem _proto = null!;
    private PID _protoEcho = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _node = new Node();
        _otpEcho = await GenServer.StartAsync(_node, new OtpEcho());
        _akka = AkkaSetup.NewSystem();
        _akkaEcho = _akka.ActorOf(Akka.Actor.Props.Create<AkkaEcho>());
        _proto = new Proto.ActorSystem();
        _protoEcho = _proto.Root.Spawn(Proto.Props.FromProducer(() => new ProtoEcho()));
    }

    [GlobalCleanup]
    public async Task CleanUp()
    {
        _node.Dispose();
        await _akka.Terminate();
        await _proto.ShutdownAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public async Task Otp_GenServer_call()
    {
        for (var i = 0; i < Calls; i++)
        {
            await GenServer.CallAsync<object>(_node, _otpEcho, Messages.Ping);
        }
    }

    /// <summary>The same call without a time-out: shows what the per-call timer of the 5 s default costs.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Otp_GenServer_call_infinity()
    {
        for (var i = 0; i < Calls; i++)
        {
            await GenServer.CallAsync<object>(_node, _otpEcho, Messages.Ping, Timeout.InfiniteTimeSpan);
        }
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Akka_Ask()
    {
        for (var i = 0; i < Calls; i++)
        {
            await _akkaEcho.Ask<object>(Messages.Ping);
        }
    }

    /// <summary>Ask with the same 5 s time-out as a GenServer call's default (Akka's own default is infinite).</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Akka_Ask_5s()
    {
        for (var i = 0; i < Calls; i++)
        {
            await _akkaEcho.Ask<object>(Messages.Ping, TimeSpan.FromSeconds(5));
        }
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Proto_RequestAsync()
    {
        for (var i = 0; i < Calls; i++)
        {
            await _proto.Root.RequestAsync<object>(_protoEcho, Messages.Ping);
        }
    }
}
