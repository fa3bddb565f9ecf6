using BenchmarkDotNet.Attributes;

namespace Otp.Benchmarks;

/// <summary>
/// What the observer's and the dashboard's process table costs (and the node's counts, one walk of the same table): one snapshot of every process of a node holding 10,000
/// idle processes (and a supervisor with 100 linked workers, so links show up too). Reported per process: time, and bytes
/// allocated (MemoryDiagnoser), the garbage a table leaves for the node's collector.
/// </summary>
[MemoryDiagnoser]
public class IntrospectionBenchmarks
{
    private const int Count = 10_000;

    private Node? _node;

    [GlobalSetup]
    public async Task StartNode()
    {
        _node = new Node();
        var started = new List<Task>();
        for (var i = 0; i < Count; i++)
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            started.Add(ready.Task);
            _node.Spawn(ctx =>
            {
                ready.SetResult();
                return ctx.ReceiveAsync().AsTask(); // idle: waits for a message that never comes
            });
        }

        await Task.WhenAll(started);
    }

    [GlobalCleanup]
    public void StopNode() => _node!.Dispose();

    [Benchmark(OperationsPerInvoke = Count)]
    public int Otp_ProcessTable() => Observer.ProcessTable(_node!).Count;

    /// <summary>The node's counts (what the dashboard samples every second, and the Otp meter's observable counters read).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long Otp_NodeStatistics() => _node!.GetStatistics().MessagesReceived;
}
