using OpenTelemetry;
using OpenTelemetry.Metrics;
using Otp;

namespace Runtime.Tests;

/// <summary>
/// The <c>Otp</c> meter through OpenTelemetry's own pipeline (a <see cref="MeterProvider"/> with <c>AddMeter("Otp")</c> and
/// the in-memory exporter), as an application that ships metrics would read it: no dashboard, no code of the kit's own on
/// the reading side.
/// </summary>
public sealed class OpenTelemetryTests
{
    [Test, CancelAfter(10_000)]
    public async Task An_OpenTelemetry_meter_provider_exports_the_runtime_counters_without_the_dashboard(CancellationToken ct)
    {
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(OtpMetrics.MeterName)
            .AddInMemoryExporter(exported)
            .Build();
        using var node = new Node(new NodeOptions { Name = $"otel-{Guid.NewGuid():N}@test" });
        using var inbox = node.CreateInbox();
        var (crasher, monitor) = inbox.SpawnMonitor(_ => throw new InvalidOperationException("boom"));
        await inbox.DownReason(monitor, ct);
        var echo = inbox.Spawn(async ctx =>
        {
            while (true)
            {
                var ping = (await ctx.ReceiveAsync<Ping>())!; // null only on a time-out, and none is given
                ctx.Send(ping.From, ping.Text);
            }
        });
        for (var i = 0; i < 3; i++)
        {
            inbox.Send(echo, new Ping(inbox.Self, $"ping {i}"));
            Assert.That(await inbox.ReceiveAsync<string>(cancellationToken: ct), Is.EqualTo($"ping {i}"), "the echo process answers each ping");
        }

        Assert.That(provider.ForceFlush(5000), Is.True, "the meter provider exports within 5 s");

        var points = Points(exported, node.Name);
        Assert.Multiple(() =>
        {
            Assert.That(points.GetValueOrDefault(OtpMetrics.ProcessesSpawned), Is.EqualTo(3),
                $"{OtpMetrics.ProcessesSpawned}: the inbox, the crasher and the echo process. Exported: {Describe(points)}");
            Assert.That(points.GetValueOrDefault(OtpMetrics.ProcessesExited + "/exception"), Is.EqualTo(1),
                $"{OtpMetrics.ProcessesExited} tagged {OtpMetrics.ExitKindTag}=exception: the crasher ({crasher}). Exported: {Describe(points)}");
            Assert.That(points.GetValueOrDefault(OtpMetrics.ProcessCount), Is.EqualTo(2),
                $"{OtpMetrics.ProcessCount}: the inbox and the echo process are alive. Exported: {Describe(points)}");
            Assert.That(points.GetValueOrDefault(OtpMetrics.MessagesSent), Is.EqualTo(7),
                $"{OtpMetrics.MessagesSent}: the DOWN, three pings and three answers. Exported: {Describe(points)}");
            Assert.That(points.GetValueOrDefault(OtpMetrics.MessagesReceived), Is.EqualTo(7),
                $"{OtpMetrics.MessagesReceived}: every message sent was taken. Exported: {Describe(points)}");
        });
    }

    private sealed record Ping(Pid From, string Text);

    /// <summary>The exported values of one node: instrument name (and exit kind, for exits) to the last value.</summary>
    private static Dictionary<string, long> Points(List<Metric> exported, string node)
    {
        var values = new Dictionary<string, long>();
        foreach (var metric in exported)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                if (!Equals(tags.GetValueOrDefault(OtpMetrics.NodeTag), node))
                {
                    continue;
                }

                var key = tags.TryGetValue(OtpMetrics.ExitKindTag, out var kind) ? $"{metric.Name}/{kind}" : metric.Name;
                values[key] = metric.MetricType switch
                {
                    MetricType.LongGauge => point.GetGaugeLastValueLong(),
                    _ => point.GetSumLong(),
                };
            }
        }

        return values;
    }

    private static string Describe(Dictionary<string, long> points) =>
        points.Count == 0 ? "nothing for this node" : string.Join(", ", points.Select(p => $"{p.Key}={p.Value}"));
}
