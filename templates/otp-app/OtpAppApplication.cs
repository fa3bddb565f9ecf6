using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Otp;

namespace OtpApp;

/// <summary>
/// The OTP application: what <c>mix new otpapp --sup</c> writes in <c>lib/otpapp/application.ex</c>. Its start
/// callback starts the root supervisor, linked to the application master; the runtime stops that supervisor, and with
/// it the whole tree in reverse start order, when the application is stopped.
/// </summary>
/// <param name="loggers">Where the children write their logs.</param>
public sealed class OtpAppApplication(ILoggerFactory loggers) : Application
{
    /// <summary>The application's name, and the section of appsettings.json that holds its environment.</summary>
    public override string Name => "OtpApp";

    /// <summary>Starts the root supervisor and its children, in order: list a child after the ones it needs.</summary>
    /// <param name="master">The application master, the tree's parent.</param>
    protected override Task<Pid> StartAsync(ProcessContext master) =>
        Supervisor.StartLinkAsync(master,
        [
            ChildSpec.For(() => new Counter(loggers.CreateLogger<Counter>()), name: "counter"),
            // The environment is read in here, at each start of the greeter: a restarted greeter sees the current values.
            ChildSpec.For(() => new Greeter(
                (string?)GetEnv("Greeting") ?? "Hello",
                TimeSpan.TryParse((string?)GetEnv("GreetEvery"), CultureInfo.InvariantCulture, out var every) ? every : TimeSpan.FromSeconds(5),
                loggers.CreateLogger<Greeter>()), name: "greeter"),
        ], new SupervisorOptions { Strategy = SupervisorStrategy.OneForOne, Name = "otpapp_sup" });
}
