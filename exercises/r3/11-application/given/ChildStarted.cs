using Otp;

namespace Applications;

/// <summary>Sent by a child of the shop's tree to the shop's reporter once it has started (at the end of its Init).</summary>
/// <param name="Child">Which child: <c>"catalog"</c> or <c>"orders"</c>.</param>
/// <param name="Pid">The child's pid.</param>
public sealed record ChildStarted(string Child, Pid Pid);
