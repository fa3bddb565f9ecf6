using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Tests;

/// <summary>The dashboard mapped into an ASP.NET Core app of one's own, under a path of its choosing.</summary>
public sealed class HostedTests
{
    [Test, CancelAfter(60_000)]
    public async Task MapOtpDashboard_serves_the_page_and_the_api_under_a_route_group(CancellationToken ct)
    {
        using var node = new Node(new NodeOptions { Name = "hosted@localhost" });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => "the app's own page");
        app.MapGroup("/otp").MapOtpDashboard(node);
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var own = await http.GetStringAsync("/", ct);
        var page = await http.GetStringAsync("/otp/", ct);
        var api = await http.GetFromJsonAsync<JsonElement>("/otp/api/node", ct);

        Assert.That(own, Is.EqualTo("the app's own page"));
        Assert.That(page, Does.Contain("src=\"dashboard.js\""), "the page's addresses are relative, so they resolve under /otp/");
        Assert.That(api.GetProperty("name").GetString(), Is.EqualTo("hosted@localhost"));
        await app.StopAsync(ct);
    }
}
