using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Otp;

namespace OtpApp;

/// <summary>
/// Runs an OTP application in the .NET Generic Host: when the host starts, it copies the application's section of the
/// configuration into the application's environment and starts the application; when the host stops, it stops the
/// application (its tree in reverse start order). If the tree ends on its own and the application type says that takes
/// the node down, it stops the host with exit code 1, so that whatever runs the program (systemd, Kubernetes, a
/// Windows service) can start it again.
/// </summary>
/// <param name="node">The node the application runs on.</param>
/// <param name="application">The application.</param>
/// <param name="type">What the tree ending on its own does to the node.</param>
/// <param name="configuration">The host's configuration (appsettings.json, environment variables, command line).</param>
/// <param name="lifetime">The host, to stop it when the node goes down.</param>
/// <param name="logger">Where it reports.</param>
public sealed class ApplicationService(
    Node node, Application application, ApplicationType type, IConfiguration configuration,
    IHostApplicationLifetime lifetime, ILogger<ApplicationService> logger) : IHostedService
{
    private volatile bool _stopping;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, value) in configuration.GetSection(application.Name).AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                application.PutEnv(key, value); // config :otp_app, key: value
            }
        }

        await application.StartAsync(node, type);
        logger.LogInformation("OTP application {Name} started ({Type}) on {Node}", application.Name, type, node.Name);
        _ = WatchAsync();
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (application.IsRunning)
        {
            await application.StopAsync(cancellationToken);
        }

        logger.LogInformation("OTP application {Name} stopped", application.Name);
    }

    private async Task WatchAsync()
    {
        var reason = await application.Exited;
        var takesTheNodeDown = type == ApplicationType.Permanent || (type == ApplicationType.Transient && !ExitReason.IsNormal(reason));
        if (!_stopping && takesTheNodeDown)
        {
            logger.LogCritical("OTP application {Name} ended with {Reason}: the node goes down", application.Name, reason);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
