using Otp;

namespace Observing.Tests;

/// <summary>A server that does nothing: a child for the tests' own small trees.</summary>
public sealed class Idle : GenServer<int>
{
    protected override InitResult<int> Init() => Ok(0);
}
