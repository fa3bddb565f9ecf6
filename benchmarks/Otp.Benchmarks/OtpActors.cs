namespace Otp.Benchmarks;

/// <summary>Replies to every call with the request.</summary>
internal sealed class OtpEcho : GenServer<int>
{
    protected override InitResult<int> Init() => Ok(0);

    protected override HandleResult<int> HandleCall(object request, From from, int state) => Reply(request, state);
}

/// <summary>Announces every (re)start, crashes on a "crash" cast, answers calls.</summary>
internal sealed class OtpCrashy : GenServer<int>
{
    protected override InitResult<int> Init()
    {
        RestartSignal.Started(Self);
        return Ok(0);
    }

    protected override HandleResult<int> HandleCall(object request, From from, int state) => Reply(request, state);

    protected override HandleResult<int> HandleCast(object request, int state) => throw new InvalidOperationException("crash");
}

/// <summary>Plain process bodies.</summary>
internal static class OtpBodies
{
    /// <summary>Counts messages; after an <see cref="Expect"/>, signals once that many have been processed.</summary>
    public static async Task Counter(ProcessContext ctx)
    {
        Expect? expect = null;
        var seen = 0;
        while (true)
        {
            var message = await ctx.ReceiveAsync();
            if (message is Expect next)
            {
                (expect, seen) = (next, 0);
            }
            else if (++seen == expect!.Count)
            {
                expect.Done.Signal();
            }
        }
    }

    /// <summary>Checks in, then waits for a message that never comes: an idle process.</summary>
    public static Func<ProcessContext, Task> Idle(Countdown started) => async ctx =>
    {
        started.Signal();
        await ctx.ReceiveAsync();
    };
}
