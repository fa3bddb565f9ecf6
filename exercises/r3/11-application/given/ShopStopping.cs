namespace Applications;

/// <summary>Sent by the shop to its reporter from <c>PrepStop</c>: the application was asked to stop, its tree still runs.</summary>
public sealed record ShopStopping;
