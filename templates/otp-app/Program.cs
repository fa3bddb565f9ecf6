using System;
using Microsoft.Extensions.Hosting;
using Otp;
using OtpApp;

// The program runs one node and one OTP application in the .NET Generic Host (mix run --no-halt, in C#). The host
// starts its hosted services in the order they were added and stops them in reverse, as OTP starts applications after
// the ones they depend on and stops them the other way round. Ctrl+C or SIGTERM stops the host, and so the application.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // appsettings.json sits next to the program, wherever it is started from
});
builder.Services.AddOtpNode("otpapp@localhost");
builder.Services.AddHostedApplication<OtpAppApplication>(ApplicationType.Permanent);

await builder.Build().RunAsync();
