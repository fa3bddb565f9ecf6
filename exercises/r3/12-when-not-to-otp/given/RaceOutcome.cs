namespace WhenNotToOtp;

/// <summary>What happened when two customers went for the last unit of an item (<c>Race.LastUnitAsync</c>).</summary>
/// <param name="FirstReserved">Whether the first customer (the one held between check and act) got a unit.</param>
/// <param name="SecondReserved">Whether the second customer (the one who went through meanwhile) got a unit.</param>
/// <param name="Reserved">Units of the item reserved once both had their answer.</param>
/// <param name="OnHand">Units of the item on hand once both had their answer.</param>
public sealed record RaceOutcome(bool FirstReserved, bool SecondReserved, int Reserved, int OnHand)
{
    /// <summary>True when the invariant is broken: more units reserved than there are on hand.</summary>
    public bool Oversold => Reserved > OnHand;
}
