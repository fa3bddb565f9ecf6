using System;
using System.Collections.Generic;
using System.Linq;
using Otp;

namespace Switchboard.Hidden;

/// <summary>A line that says yes to everything and writes down what it was asked; "seen" gives the list.</summary>
internal sealed class FakeLine(bool crashOnRing = false) : GenServer<List<object>>
{
    protected override InitResult<List<object>> Init() => Ok([]);

    protected override HandleResult<List<object>> HandleCall(object request, From from, List<object> seen)
    {
        if (request is "seen")
        {
            return Reply(seen.ToList(), seen);
        }

        if (crashOnRing && request is Ring)
        {
            throw new InvalidOperationException("line fault");
        }

        seen.Add(request);
        return Reply(true, seen);
    }
}
