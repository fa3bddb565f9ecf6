using System.Collections.Immutable;

namespace WhenNotToOtp;

/// <summary>The result of allocating a batch of orders against an inventory (<c>Allocation.Allocate</c>).</summary>
/// <param name="Inventory">The inventory after every reservation that was granted.</param>
/// <param name="Reserved">The orders granted, in the order they were given.</param>
/// <param name="Refused">The orders refused because too little was free when their turn came, in the order they were given.</param>
public sealed record Allocated(Inventory Inventory, ImmutableList<Order> Reserved, ImmutableList<Order> Refused);
