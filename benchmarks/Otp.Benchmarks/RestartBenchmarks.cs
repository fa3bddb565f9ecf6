using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Proto;

namespace Otp.Benchmarks;

/// <summary>
/// Supervisor restart latency: crash the child with a one-way message, wait until its restarted incarnation has started,
/// and get an answer from it. Each supervisor restarts without limit (one_for_one).
/// </summary>
[MemoryDiagnoser]
public class RestartBenchmarks
{
    private Node _node = null!;
    private Pid _otpChild = null!;
    private Akka.Actor.ActorSystem _akka = null!;
    private IActorRef _akkaChild = null!;
    private Proto.ActorSystem _proto = null!;
    private PID _protoChild = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _node = new Node();
        RestartSignal.Reset();
        await Supervisor.StartAsync(
            _node,
            [ChildSpec.Worker("crashy", ctx => GenServer.StartLinkAsync(ctx, new OtpCrashy()))],
            new SupervisorOptions { MaxRestarts = int.MaxValue, MaxTime = TimeSpan.FromSeconds(1) });
        _otpChild = (Pid)await RestartSignal.Next;

        _akka = AkkaSetup.NewSystem();
        var akkaParent = _akka.ActorOf(Akka.Actor.Props.Create<AkkaParent>());
        _akkaChild = await akkaParent.Ask<IActorRef>(Messages.Ping);

        _proto = new Proto.ActorSystem();
        var protoParent = _proto.Root.Spawn(ProtoParent.WithRestartingChild);
        _protoChild = await _proto.Root.RequestAsync<PID>(protoParent, Messages.Ping);
    }

    [GlobalCleanup]
    public async Task CleanUp()
    {
        _node.Dispose();
        await _akka.Terminate();
        await _proto.ShutdownAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task Otp_Supervisor_restart()
    {
        RestartSignal.Reset();
        GenServer.Cast(_node, _otpChild, Messages.Crash);
        _otpChild = (Pid)await RestartSignal.Next;
        await GenServer.CallAsync<object>(_node, _otpChild, Messages.Ping);
    }

    [Benchmark]
    public async Task Akka_restart()
    {
        RestartSignal.Reset();
        _akkaChild.Tell(Messages.Crash);
        await RestartSignal.Next;
        await _akkaChild.Ask<object>(Messages.Ping);
    }

    [Benchmark]
    public async Task Proto_restart()
    {
        RestartSignal.Reset();
        _proto.Root.Send(_protoChild, Messages.Crash);
        await RestartSignal.Next;
        await _proto.Root.RequestAsync<object>(_protoChild, Messages.Ping);
    }
}
