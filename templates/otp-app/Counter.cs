using Microsoft.Extensions.Logging;
using Otp;

namespace OtpApp;

/// <summary>A worker that counts: each <c>"next"</c> call gets the next number. The greeter needs it, so it starts first.</summary>
/// <param name="logger">Where it says that it started and stopped.</param>
public sealed class Counter(ILogger<Counter> logger) : GenServer<int>
{
    /// <inheritdoc/>
    protected override InitResult<int> Init()
    {
        Context.TrapExit = true; // so that the supervisor's shutdown runs Terminate instead of ending the process at once
        logger.LogInformation("Counter started");
        return Ok(0);
    }

    /// <inheritdoc/>
    protected override HandleResult<int> HandleCall(object request, From from, int count) =>
        request is "next" ? Reply(count + 1, count + 1) : base.HandleCall(request, from, count);

    /// <inheritdoc/>
    protected override void Terminate(object reason, int count) => logger.LogInformation("Counter stopped ({Reason}) at {Count}", reason, count);
}
