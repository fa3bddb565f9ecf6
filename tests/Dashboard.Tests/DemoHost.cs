using Otp.Dashboard.Demo;

namespace Dashboard.Tests;

/// <summary>
/// The demo's system on a node of its own, with its dashboard on a free port of 127.0.0.1. The faulty worker is set to
/// crash only after an hour, so every restart a test sees is one it caused.
/// </summary>
internal sealed class DemoHost : IAsyncDisposable
{
    private readonly DemoApplication _demo;

    private DemoHost(Node node, DemoApplication demo, Otp.Dashboard.Dashboard dashboard, StringWriter output)
    {
        Node = node;
        _demo = demo;
        Dashboard = dashboard;
        Output = output;
        Http = new HttpClient { BaseAddress = dashboard.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Node Node { get; }

    public Otp.Dashboard.Dashboard Dashboard { get; }

    public StringWriter Output { get; }

    public HttpClient Http { get; }

    public static async Task<DemoHost> StartAsync(string name, DashboardOptions? options = null)
    {
        var node = new Node(new NodeOptions { Name = name });
        var demo = new DemoApplication(faultEvery: TimeSpan.FromHours(1), pingers: 2);
        await demo.StartAsync(node);
        var output = new StringWriter();
        var dashboard = await node.UseDashboardAsync(0, new DashboardOptions
        {
            UpdateInterval = TimeSpan.FromMilliseconds(200),
            Output = output,
            AllowKill = options?.AllowKill ?? true,
        });
        return new DemoHost(node, demo, dashboard, output);
    }

    /// <summary>The pid of the demo's child called <paramref name="name"/>.</summary>
    public Pid Child(string name) => Node.WhereIs(name) ?? throw new InvalidOperationException($"no process is registered as {name}");

    /// <summary>A task that completes with the next restart the supervisors report.</summary>
    public Task<SupervisorReport> NextRestart(CancellationToken ct)
    {
        var restarted = new TaskCompletionSource<SupervisorReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReport(SupervisorReport report)
        {
            if (report.Kind == SupervisorReportKind.ChildRestarted && restarted.TrySetResult(report))
            {
                Node.SupervisorReported -= OnReport;
            }
        }

        Node.SupervisorReported += OnReport;
        return restarted.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Dashboard.DisposeAsync();
        try
        {
            await _demo.StopAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Node.Dispose();
    }
}
