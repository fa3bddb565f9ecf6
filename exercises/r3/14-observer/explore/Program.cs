using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Observing;
using Otp;
using Otp.Dashboard;

// dotnet run --project exercises/r3/14-observer/explore [-- --port 4040]
// The bakery of given/, live: customers buy and order all the time, the cashier jams every 10 sales, and the oven bakes
// one loaf a second while orders come three times as fast. Open the address it prints; Ctrl+C stops it.
var port = args is ["--port", var text] ? int.Parse(text, CultureInfo.InvariantCulture) : 4040;

using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
using var node = new Node(new NodeOptions { Name = "bakery@localhost", LoggerFactory = logs });
using var ovenPermits = new SemaphoreSlim(0);
var bakery = await Supervisor.StartAsync(node, new Bakery(ovenPermits, cashierCrashEvery: 10), name: "bakery");

// Customers: every 300 ms one sale at the till and one order for the oven. Casts to a name nobody holds (a cashier
// being restarted) are dropped, as in Erlang.
var customers = node.Spawn(async ctx =>
{
    using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(300));
    while (await every.WaitForNextTickAsync(ctx.ExitToken))
    {
        GenServer.Cast(ctx.Node, "cashier", new Sale());
        GenServer.Cast(ctx.Node, "oven", new Bake());
    }
});
node.Register("customers", customers);

// The baker's hands: one permit a second, so the oven bakes one loaf a second and falls behind.
var baker = node.Spawn(async ctx =>
{
    using var every = new PeriodicTimer(TimeSpan.FromSeconds(1));
    while (await every.WaitForNextTickAsync(ctx.ExitToken))
    {
        ovenPermits.Release();
    }
});
node.Register("baker", baker);

await using var dashboard = await node.UseDashboardAsync(port);
Console.WriteLine($"The bakery runs; open {dashboard.Address} and follow the README of 14-observer, \"Explore\". Ctrl+C stops.");

var stop = new TaskCompletionSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true; // stop the bakery in order below instead of ending the program at once
    stop.TrySetResult();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stop.Task;
node.Exit(customers, ExitReason.Kill);
node.Exit(baker, ExitReason.Kill);
if (node.IsAlive(bakery))
{
    await Supervisor.StopAsync(node, bakery);
}

return 0;
