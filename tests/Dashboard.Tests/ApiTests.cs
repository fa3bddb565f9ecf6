using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.Tests;

/// <summary>The JSON endpoints, over real HTTP against the demo's system.</summary>
public sealed class ApiTests
{
    private DemoHost _host = null!;

    [OneTimeSetUp]
    public async Task StartDemo() => _host = await DemoHost.StartAsync("api-test@localhost");

    [OneTimeTearDown]
    public async Task StopDemo() => await _host.DisposeAsync();

    [Test]
    public void The_dashboard_listens_on_localhost_only_and_prints_its_address()
    {
        Assert.That(_host.Dashboard.Address.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(_host.Dashboard.Address.Port, Is.Positive);
        Assert.That(_host.Output.ToString(), Does.Contain(_host.Dashboard.Address.ToString()).And.Contain("api-test@localhost"));
    }

    [Test, CancelAfter(30_000)]
    public void A_second_dashboard_on_a_port_in_use_fails_to_start(CancellationToken ct)
    {
        var port = _host.Dashboard.Address.Port;

        Assert.ThrowsAsync<IOException>(async () => await _host.Node.UseDashboardAsync(port, new DashboardOptions { Output = TextWriter.Null }, ct));
    }

    [Test, CancelAfter(30_000)]
    public async Task The_page_and_its_files_are_served(CancellationToken ct)
    {
        var page = await _host.Http.GetStringAsync("/", ct);
        var script = await _host.Http.GetAsync("/dashboard.js", ct);
        var style = await _host.Http.GetAsync("/dashboard.css", ct);

        Assert.That(page, Does.Contain("<title>OTP dashboard</title>"));
        Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(style.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
    }

    [Test, CancelAfter(30_000)]
    public async Task Api_node_gives_the_node_its_counts_and_applications(CancellationToken ct)
    {
        var node = await Get("/api/node", ct);

        Assert.That(node.GetProperty("name").GetString(), Is.EqualTo("api-test@localhost"));
        Assert.That(node.GetProperty("processCount").GetInt32(), Is.GreaterThanOrEqualTo(8), "the demo's tree: master, 2 supervisors, 3 workers, 2 pingers");
        Assert.That(node.GetProperty("applications").EnumerateArray().Select(a => a.GetString()), Does.Contain("demo"));
        Assert.That(node.GetProperty("memory").GetProperty("workingSetBytes").GetInt64(), Is.Positive);
        Assert.That(node.GetProperty("threadPool").GetProperty("threads").GetInt32(), Is.Positive);
        Assert.That(node.GetProperty("chart").GetArrayLength(), Is.Positive);
    }

    [Test, CancelAfter(30_000)]
    public async Task Api_processes_lists_the_demo_processes_and_filters_and_sorts_them(CancellationToken ct)
    {
        var all = await Get("/api/processes", ct);
        var counters = await Get("/api/processes?q=count", ct);
        var byPidDescending = await Get("/api/processes?sort=pid&desc=true", ct);

        Assert.That(Names(all), Is.SupersetOf(new[] { "demo_sup", "counter", "faulty", "cache", "pingers" }));
        Assert.That(Names(counters), Is.EqualTo(new[] { "counter" }));
        var ids = byPidDescending.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToArray();
        Assert.That(ids, Is.Ordered.Descending);
    }

    [Test, CancelAfter(30_000)]
    public async Task Api_process_detail_has_parent_links_and_a_servers_state(CancellationToken ct)
    {
        var counter = _host.Child("counter");
        var detail = await Get($"/api/processes/{counter.Id}", ct);

        var supervisor = _host.Child("demo_sup").ToString();
        Assert.That(detail.GetProperty("parent").GetProperty("text").GetString(), Is.EqualTo(supervisor));
        Assert.That(detail.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("text").GetString()), Does.Contain(supervisor));
        Assert.That(detail.GetProperty("state").GetString(), Does.StartWith("Count { Ticks = "));
    }

    [Test, CancelAfter(30_000)]
    public async Task Api_process_detail_of_a_dead_process_is_not_found(CancellationToken ct)
    {
        var response = await _host.Http.GetAsync("/api/processes/999999999", ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test, CancelAfter(30_000)]
    public async Task Killing_through_the_api_ends_the_process_and_the_tree_shows_its_restart(CancellationToken ct)
    {
        var cache = _host.Child("cache");
        var restart = _host.NextRestart(ct);
        using var watcher = _host.Node.CreateInbox();
        var monitor = watcher.Monitor(cache);

        var response = await _host.Http.PostAsJsonAsync($"/api/processes/{cache.Id}/kill", new { reason = "test_kill" }, ct);
        var reason = (await watcher.ReceiveAsync<DownMessage>(d => d.Ref == monitor, cancellationToken: ct))!.Reason;
        var restarted = await restart;
        var tree = await Get("/api/tree", ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(reason, Is.EqualTo(new Atom("test_kill")));
        var node = tree.GetProperty("trees").EnumerateArray().Single(t => t.GetProperty("application").GetString() == "demo").GetProperty("root")
            .GetProperty("children").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "cache");
        Assert.That(node.GetProperty("pid").GetProperty("text").GetString(), Is.EqualTo(restarted.ChildPid!.ToString()).And.Not.EqualTo(cache.ToString()));
        Assert.That(node.GetProperty("restarts").GetInt32(), Is.EqualTo(1));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_kill_must_be_json_so_a_form_on_another_site_cannot_send_one(CancellationToken ct)
    {
        var counter = _host.Child("counter");
        using var form = new FormUrlEncodedContent([new("reason", "kill")]);

        var response = await _host.Http.PostAsync($"/api/processes/{counter.Id}/kill", form, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(_host.Node.IsAlive(counter), Is.True);
    }

    [Test, CancelAfter(30_000)]
    public async Task The_event_stream_sends_the_node_and_the_open_pages_data(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events?view=applications");
        using var response = await _host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));

        var events = new List<string>();
        while (events.Count < 2 && await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                events.Add(line["event: ".Length..]);
            }
        }

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(events, Is.EqualTo(new[] { "node", "tree" }));
    }

    private async Task<JsonElement> Get(string path, CancellationToken ct) =>
        await _host.Http.GetFromJsonAsync<JsonElement>(path, ct);

    private static string?[] Names(JsonElement list) =>
        list.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Where(n => n is not null).ToArray();
}

/// <summary>A dashboard whose kill button is switched off.</summary>
public sealed class KillSwitchedOffTests
{
    [Test, CancelAfter(30_000)]
    public async Task Kill_is_refused_when_switched_off(CancellationToken ct)
    {
        await using var host = await DemoHost.StartAsync("no-kill@localhost", new DashboardOptions { AllowKill = false });
        var counter = host.Child("counter");

        var response = await host.Http.PostAsJsonAsync($"/api/processes/{counter.Id}/kill", new { reason = "kill" }, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(host.Node.IsAlive(counter), Is.True);
    }
}
