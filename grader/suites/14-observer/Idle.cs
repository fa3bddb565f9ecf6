using Otp;

namespace Observing.Hidden;

/// <summary>A server that does nothing: a child for the suites' own trees.</summary>
public sealed class Idle : GenServer<int>
{
    protected override InitResult<int> Init() => Ok(0);
}
