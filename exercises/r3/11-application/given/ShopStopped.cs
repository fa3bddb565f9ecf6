namespace Applications;

/// <summary>Sent by the shop to its reporter from <c>Stop</c>: the application's tree has stopped.</summary>
/// <param name="Orderly">True when the application was asked to stop (<c>PrepStop</c> ran first); false when its tree ended on its own.</param>
public sealed record ShopStopped(bool Orderly);
