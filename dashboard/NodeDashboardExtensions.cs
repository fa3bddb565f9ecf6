using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Otp.Dashboard.Internal;

namespace Otp.Dashboard;

/// <summary>
/// Starts the dashboard: Phoenix LiveDashboard's and Erlang <c>observer</c>'s place in this kit. One call in a program,
/// <c>await node.UseDashboardAsync(4040)</c>, or <see cref="MapOtpDashboard"/> in an ASP.NET Core app that has one already.
/// </summary>
public static class NodeDashboardExtensions
{
    /// <summary>
    /// Serves the dashboard of <paramref name="node"/> on its own web server at <c>http://127.0.0.1:port/</c> and prints
    /// the address. Port 0 takes any free port (see <see cref="Dashboard.Address"/>).
    /// </summary>
    /// <param name="node">The node to show.</param>
    /// <param name="port">The TCP port; 0 for any free one.</param>
    /// <param name="options">Host, update interval, kill button...; the defaults if null.</param>
    /// <param name="cancellationToken">Gives up starting.</param>
    public static async Task<Dashboard> UseDashboardAsync(this Node node, int port = 4040, DashboardOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        options ??= new DashboardOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning); // the console is the program's: the dashboard says only what went wrong
        builder.WebHost.UseUrls($"http://{options.Host}:{port}");
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>(); // Ctrl+C and SIGTERM stay the program's
        var app = builder.Build();
        var state = Map(app, node, options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            state.Dispose(); // the port is taken, say: nothing of the dashboard stays behind
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        var output = options.Output ?? Console.Out;
        await output.WriteLineAsync($"Dashboard of {node.Name}: {address}").ConfigureAwait(false);
        return new Dashboard(app, address);
    }

    /// <summary>
    /// Adds the dashboard of <paramref name="node"/> to an ASP.NET Core app, at the root of <paramref name="endpoints"/>
    /// (use <c>app.MapGroup("/otp").MapOtpDashboard(node)</c> for a sub-path): the page, <c>/api/node</c>,
    /// <c>/api/processes</c>, <c>/api/tree</c> and the event stream <c>/api/events</c>.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="node">The node to show.</param>
    /// <param name="options">The defaults if null.</param>
    public static IEndpointRouteBuilder MapOtpDashboard(this IEndpointRouteBuilder endpoints, Node node, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(node);
        Map(endpoints, node, options ?? new DashboardOptions());
        return endpoints;
    }

    // The state (sampling timer, restart counts) lives until the app stops: open event streams end then, too.
    private static DashboardState Map(IEndpointRouteBuilder endpoints, Node node, DashboardOptions options)
    {
        var state = new DashboardState(node, options);
        var lifetime = endpoints.ServiceProvider.GetService<IHostApplicationLifetime>();
        lifetime?.ApplicationStopping.Register(state.Dispose);
        Endpoints.Map(endpoints, state);
        return state;
    }
}
