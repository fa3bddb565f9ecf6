using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Otp;
using Otp.Dashboard;
using Otp.Dashboard.Demo;

// dotnet run --project dashboard/demo [-- --port 4040]: starts the demo system and its dashboard, until Ctrl+C.
// With --load: measures what an open dashboard costs a node with 100,000 processes (see LoadMeasurement).
if (args.Contains("--load"))
{
    return await LoadMeasurement.RunAsync(args);
}

var port = args.Length == 2 && args[0] == "--port" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4040;

using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
using var node = new Node(new NodeOptions { Name = "demo@localhost", LoggerFactory = logs });
var demo = new DemoApplication(faultEvery: TimeSpan.FromSeconds(4));
await demo.StartAsync(node, ApplicationType.Permanent);
await using var dashboard = await node.UseDashboardAsync(port);
Console.WriteLine($"Open {dashboard.Address} in a browser; the faulty worker crashes every 4 s. Ctrl+C stops.");

var stop = new TaskCompletionSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true; // stop the demo in order below, instead of ending the process at once
    stop.TrySetResult();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stop.Task;
await demo.StopAsync();
return 0;
