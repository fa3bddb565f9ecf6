namespace Otp.Dashboard.Demo;

/// <summary>
/// The demo's system, an OTP application: a top supervisor (one_for_one) over a counter, a faulty worker that crashes
/// every few seconds, a cache (an Agent) and a DynamicSupervisor of pingers that keep messages flowing.
/// <code>
/// demo_sup
///   counter   (gen_server, ticked by the pingers)
///   faulty    (gen_server: crashes after FaultEvery, and is restarted)
///   cache     (agent)
///   pingers   (dynamic_supervisor)
///     pinger x Pingers
/// </code>
/// </summary>
/// <param name="faultEvery">How long the faulty worker lives before it crashes.</param>
/// <param name="pingers">How many pingers send to the counter.</param>
public sealed class DemoApplication(TimeSpan faultEvery, int pingers = 4) : Application
{
    /// <inheritdoc/>
    public override string Name => "demo";

    /// <inheritdoc/>
    protected override async Task<Pid> StartAsync(ProcessContext master)
    {
        var top = await Supervisor.StartLinkAsync(
            master,
            [
                ChildSpec.For(() => new Counter(), name: "counter") with { Id = "counter" },
                ChildSpec.For(() => new FaultyWorker(faultEvery), name: "faulty") with { Id = "faulty" },
                ChildSpec.Worker("cache", ctx => Agent.StartLinkAsync(ctx, () => new Dictionary<string, int> { ["hits"] = 0 }, name: "cache")),
                ChildSpec.Supervisor("pingers", ctx => DynamicSupervisor.StartLinkAsync(ctx, new DynamicSupervisorOptions { Name = "pingers" })),
            ],
            new SupervisorOptions { Name = "demo_sup", MaxRestarts = 100, MaxTime = TimeSpan.FromSeconds(10) }).ConfigureAwait(false);
        for (var i = 0; i < pingers; i++)
        {
            await DynamicSupervisor.StartChildAsync(master.Node, "pingers", Pinger.Spec(i)).ConfigureAwait(false);
        }

        return top;
    }
}
