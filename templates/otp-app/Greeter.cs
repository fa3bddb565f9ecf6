using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Otp;

namespace OtpApp;

/// <summary>
/// A worker that greets every <paramref name="every"/> it is left idle, numbering its greetings with the counter's
/// <c>"next"</c>: it needs the counter, so it is listed after it.
/// </summary>
/// <param name="greeting">What it says (the application environment's <c>Greeting</c>).</param>
/// <param name="every">How long it waits between greetings (the environment's <c>GreetEvery</c>).</param>
/// <param name="logger">Where it greets, and says that it started and stopped.</param>
public sealed class Greeter(string greeting, TimeSpan every, ILogger<Greeter> logger) : GenServer<string>
{
    /// <inheritdoc/>
    protected override InitResult<string> Init()
    {
        Context.TrapExit = true;
        logger.LogInformation("Greeter started, saying \"{Greeting}\" every {Every}", greeting, every);
        return Ok(greeting).WithTimeout(every); // the idle time-out arrives as the message "timeout"
    }

    /// <inheritdoc/>
    protected override async ValueTask<HandleResult<string>> HandleInfoAsync(object message, string state)
    {
        if (ExitReason.Timeout.Equals(message))
        {
            var number = await GenServer.CallAsync<int>(Context, "counter", "next");
            logger.LogInformation("{Greeting}, world! (greeting {Number})", state, number);
        }

        return NoReply(state).WithTimeout(every);
    }

    /// <inheritdoc/>
    protected override void Terminate(object reason, string state) => logger.LogInformation("Greeter stopped ({Reason})", reason);
}
