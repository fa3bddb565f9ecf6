using System.Linq;

namespace WhenNotToOtp.Tests;

/// <summary>Inventories in failure messages: the counts of the items a test is about.</summary>
internal static class Shown
{
    /// <summary>"lamp: 3 on hand, 1 reserved; desk: 1 on hand, 0 reserved", or "null" for a refusal.</summary>
    public static string Counts(Inventory? inventory, params string[] items) =>
        inventory is null
            ? "null"
            : string.Join("; ", items.Select(item => $"{item}: {inventory.OnHandOf(item)} on hand, {inventory.ReservedOf(item)} reserved"));
}
