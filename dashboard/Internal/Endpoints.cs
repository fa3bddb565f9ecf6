using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Otp.Dashboard.Internal;

/// <summary>The page's files and the JSON API: <c>/api/node</c>, <c>/api/processes</c>, <c>/api/tree</c>, <c>/api/events</c>, and the kill.</summary>
internal static class Endpoints
{
    private static readonly Dictionary<string, (byte[] Content, string Type)> s_files = LoadFiles();

    public static void Map(IEndpointRouteBuilder endpoints, DashboardState state)
    {
        endpoints.MapGet("/", () => File("index.html"));
        endpoints.MapGet("/dashboard.js", () => File("dashboard.js"));
        endpoints.MapGet("/dashboard.css", () => File("dashboard.css"));

        endpoints.MapGet("/api/node", () => TypedResults.Json(Queries.Node(state), Json.Options));
        endpoints.MapGet("/api/processes", (string? q, string? sort, bool? desc) =>
            TypedResults.Json(Queries.Processes(state, q, sort, desc ?? false), Json.Options));
        endpoints.MapGet("/api/processes/{id:long}", async Task<IResult> (long id, CancellationToken ct) =>
            await Queries.DetailAsync(state, id, ct).ConfigureAwait(false) is { } detail
                ? TypedResults.Json(detail, Json.Options)
                : TypedResults.NotFound(new { error = $"no live process <0.{id}.0>" }));
        endpoints.MapPost("/api/processes/{id:long}/kill", (long id, KillRequest request) => Kill(state, id, request));
        endpoints.MapGet("/api/tree", async (CancellationToken ct) =>
            TypedResults.Json(await Queries.TreesAsync(state, ct).ConfigureAwait(false), Json.Options));
        endpoints.MapGet("/api/events", (string? view, string? q, string? sort, bool? desc, long? selected, CancellationToken ct) =>
            TypedResults.ServerSentEvents(Stream(state, view, q, sort, desc ?? false, selected, ct)));
    }

    /// <summary>
    /// The live updates: every <see cref="DashboardOptions.UpdateInterval"/>, the node's counts, plus what the open page
    /// shows (the process table and the selected process, or the trees). Only the open page's data is computed.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Stream(
        DashboardState state, string? view, string? filter, string? sort, bool descending, long? selected, [EnumeratorCancellation] CancellationToken requestAborted)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, state.Stopping);
        var ct = both.Token;
        using var timer = new PeriodicTimer(state.Options.UpdateInterval, state.Time);
        do
        {
            yield return Item("node", Queries.Node(state));
            if (view == "processes")
            {
                yield return Item("processes", Queries.Processes(state, filter, sort, descending));
                if (selected is { } id)
                {
                    object detail = await Queries.DetailAsync(state, id, ct).ConfigureAwait(false) ?? (object)new { id, exited = true };
                    yield return Item("process", detail);
                }
            }
            else if (view == "applications")
            {
                yield return Item("tree", await Queries.TreesAsync(state, ct).ConfigureAwait(false));
            }
        }
        while (await Tick(timer, ct).ConfigureAwait(false));
    }

    private static async ValueTask<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false; // the page went away or the dashboard stopped: end the stream quietly
        }
    }

    private static SseItem<string> Item(string type, object data) => new(JsonSerializer.Serialize(data, Json.Options), type);

    private static IResult Kill(DashboardState state, long id, KillRequest request)
    {
        if (!state.Options.AllowKill)
        {
            return TypedResults.Problem("The kill button is switched off (DashboardOptions.AllowKill).", statusCode: StatusCodes.Status403Forbidden);
        }

        if (state.Node.FindPid(id) is not { } pid)
        {
            return TypedResults.NotFound(new { error = $"no live process <0.{id}.0>" });
        }

        var text = string.IsNullOrWhiteSpace(request.Reason) ? "kill" : request.Reason.Trim();
        object reason = text switch
        {
            "kill" => ExitReason.Kill,
            "normal" => ExitReason.Normal,
            "shutdown" => ExitReason.Shutdown,
            _ => new Atom(text),
        };
        state.Node.Exit(pid, reason); // exit(Pid, Reason) from the node itself, as observer's "kill process" does
        return TypedResults.Accepted((string?)null, new { pid = pid.ToString(), reason = text });
    }

    private static IResult File(string name) =>
        s_files.TryGetValue(name, out var file) ? TypedResults.Bytes(file.Content, file.Type) : TypedResults.NotFound();

    private static Dictionary<string, (byte[], string)> LoadFiles()
    {
        var assembly = typeof(Endpoints).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource["wwwroot/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                _ => "application/octet-stream",
            };
            files[name] = (copy.ToArray(), type);
        }

        return files;
    }
}

/// <summary>The body of a kill: the exit reason, as text (<c>kill</c> if empty; <c>normal</c>, <c>shutdown</c> or any atom).</summary>
internal sealed record KillRequest(string? Reason);
