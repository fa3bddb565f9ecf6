using System.Collections.Generic;
using System.Linq;
using Otp;

namespace Switchboard.Tests;

/// <summary>
/// A stand-in for a line, for tests that drive a <see cref="Call"/> by hand: it says yes to every request and writes
/// it down; the request <c>"seen"</c> returns what it was asked, in order.
/// </summary>
internal sealed class RecordingLine : GenServer<List<object>>
{
    protected override InitResult<List<object>> Init() => Ok([]);

    protected override HandleResult<List<object>> HandleCall(object request, From from, List<object> seen)
    {
        if (request is "seen")
        {
            return Reply(seen.ToList(), seen);
        }

        seen.Add(request);
        return Reply(true, seen);
    }
}
