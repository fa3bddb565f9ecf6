namespace Applications;

/// <summary>A cast that makes a child of the shop's tree crash (with an <c>InvalidOperationException</c> saying it was asked to crash), for the tests.</summary>
public sealed record Crash;
