using BenchmarkDotNet.Attributes;

namespace Otp.Benchmarks;

/// <summary>
/// Whether a partitioned registry pays: many processes at once register a key, look it up and unregister it, over and
/// over, in a registry of one or more partitions. Unique keys are each process's own; duplicate keys are 16 shared
/// topics (a lookup of a topic reads every partition). Reported per registry operation.
/// </summary>
[MemoryDiagnoser]
public class RegistryBenchmarks
{
    private const int Processes = 64;
    private const int Rounds = 200;
    private const int OperationsPerRound = 3;

    private Node _node = null!;
    private ProcessContext _inbox = null!;
    private Registry _registry = null!;

    [Params(RegistryKeys.Unique, RegistryKeys.Duplicate)]
    public RegistryKeys Keys { get; set; }

    [Params(1, 2, 8)]
    public int Partitions { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _node = new Node();
        _inbox = _node.CreateInbox();
        _registry = new Registry(new RegistryOptions { Keys = Keys, Partitions = Partitions });
    }

    [GlobalCleanup]
    public void CleanUp() => _node.Dispose();

    [Benchmark(OperationsPerInvoke = Processes * Rounds * OperationsPerRound)]
    public async Task Register_lookup_unregister()
    {
        var me = _inbox.Self;
        var registry = _registry;
        var unique = Keys == RegistryKeys.Unique;
        for (var p = 0; p < Processes; p++)
        {
            var id = p;
            _node.Spawn(ctx =>
            {
                for (var round = 0; round < Rounds; round++)
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
            await _inbox.ReceiveAsync();
        }
    }
}
