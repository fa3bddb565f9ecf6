using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Otp;

namespace OtpApp;

/// <summary>Registers the node and the OTP applications with the host.</summary>
public static class HostingExtensions
{
    /// <summary>Adds the node, named <paramref name="name"/>, with its crash and supervisor reports going to the host's logging.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The node's name.</param>
    public static IServiceCollection AddOtpNode(this IServiceCollection services, string name) =>
        services.AddSingleton(provider => new Node(new NodeOptions { Name = name, LoggerFactory = provider.GetRequiredService<ILoggerFactory>() }));

    /// <summary>
    /// Adds <typeparamref name="TApplication"/>, started with the host as <paramref name="type"/> and stopped with it. Add
    /// applications in dependency order: the host starts them in that order and stops them in reverse.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="type">What the application's tree ending on its own does to the node.</param>
    public static IServiceCollection AddHostedApplication<TApplication>(this IServiceCollection services, ApplicationType type)
        where TApplication : Application
    {
        services.AddSingleton<TApplication>();
        return services.AddHostedService(provider => new ApplicationService(
            provider.GetRequiredService<Node>(),
            provider.GetRequiredService<TApplication>(),
            type,
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<ApplicationService>>()));
    }
}
