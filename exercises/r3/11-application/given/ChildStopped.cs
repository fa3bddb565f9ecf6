namespace Applications;

/// <summary>
/// Sent by a child of the shop's tree to the shop's reporter from its Terminate: it is stopping, with
/// <paramref name="Reason"/> (<c>shutdown</c> when its supervisor stops it, the exception when it crashed). A child that
/// is killed runs no Terminate and sends nothing.
/// </summary>
/// <param name="Child">Which child: <c>"catalog"</c> or <c>"orders"</c>.</param>
/// <param name="Reason">Why it stops.</param>
public sealed record ChildStopped(string Child, object Reason);
