using Microsoft.Extensions.Hosting;

namespace Otp.Dashboard.Internal;

/// <summary>
/// The lifetime of the dashboard's own web server inside someone else's program: it listens to no signal. The default
/// (console) lifetime would take Ctrl+C and SIGTERM for itself, stop the dashboard and leave the program running.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
