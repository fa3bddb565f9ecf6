using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace WhenNotToOtp.Hidden;

/// <summary>The batch against a model, on random orders.</summary>
[Property("Step", 4)]
public sealed class AllocationSuite
{
    private static readonly string[] Items = ["lamp", "desk", "sofa", "never-stocked"];

    [Test]
    public void Random_batches_match_a_fold_over_the_core()
    {
        var random = Seeded.Random();
        for (var batch = 0; batch < 50; batch++)
        {
            var stock = Items.Take(3).ToDictionary(item => item, _ => random.Next(0, 10));
            var start = Inventory.Of(stock);
            var orders = Enumerable.Range(0, random.Next(0, 25))
                .Select(i => new Order($"c{i}", Items[random.Next(Items.Length)], random.Next(1, 5)))
                .ToList();

            var allocated = Allocation.Allocate(start, orders);

            var free = Items.ToDictionary(item => item, item => stock.GetValueOrDefault(item));
            var expectedReserved = new List<Order>();
            var expectedRefused = new List<Order>();
            var expected = start;
            foreach (var order in orders)
            {
                if (free[order.Item] >= order.Quantity)
                {
                    free[order.Item] -= order.Quantity;
                    expectedReserved.Add(order);
                    expected = expected.TryReserve(order.Item, order.Quantity)!;
                }
                else
                {
                    expectedRefused.Add(order);
                }
            }

            Assert.That(allocated.Reserved, Is.EqualTo(expectedReserved), $"batch {batch}: reserved");
            Assert.That(allocated.Refused, Is.EqualTo(expectedRefused), $"batch {batch}: refused");
            Assert.That(allocated.Inventory, Is.EqualTo(expected), $"batch {batch}: the final inventory");
            Assert.That(start, Is.EqualTo(Inventory.Of(stock)), $"batch {batch}: the inventory given is unchanged");
            foreach (var item in Items)
            {
                Assert.That(allocated.Inventory.Free(item), Is.EqualTo(free[item]), $"batch {batch}: {item} free");
            }
        }
    }

    [Test]
    public void Orders_can_come_from_a_lazy_sequence_read_once()
    {
        var reads = 0;
        IEnumerable<Order> Orders()
        {
            reads++;
            yield return new Order("ada", "lamp", 1);
            yield return new Order("bob", "lamp", 1);
        }

        var allocated = Allocation.Allocate(Inventory.Empty.Restock("lamp", 1), Orders());

        Assert.That(reads, Is.EqualTo(1), "Step 4: Allocate should read the orders once, in one pass, not enumerate them twice");
        Assert.That(allocated.Reserved.Select(o => o.Customer), Is.EqualTo(new[] { "ada" }), "Step 4: ada's order fits the one lamp and should be reserved");
        Assert.That(allocated.Refused.Select(o => o.Customer), Is.EqualTo(new[] { "bob" }), "Step 4: bob's order comes after the last lamp went to ada and should be refused");
    }

    [Test]
    public void Bad_orders_are_refused_with_the_core_exceptions()
    {
        var inventory = Inventory.Empty.Restock("lamp", 3);

        Assert.That(() => Allocation.Allocate(null!, [new Order("ada", "lamp", 1)]), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("inventory"), "Step 4: Allocate should refuse a null inventory before trying any order");
        Assert.That(() => Allocation.Allocate(inventory, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("orders"), "Step 4: Allocate should refuse null orders");
        Assert.That(() => Allocation.Allocate(inventory, [new Order("ada", "lamp", 1), null!]), Throws.ArgumentNullException, "Step 4: a null order in the batch should be refused with ArgumentNullException");
        Assert.That(() => Allocation.Allocate(inventory, [new Order("ada", "", 1)]), Throws.InstanceOf<ArgumentException>(), "Step 4: an order for an empty item should fail as the core's TryReserve fails");
        Assert.That(() => Allocation.Allocate(inventory, [new Order("ada", "lamp", -1)]), Throws.InstanceOf<ArgumentOutOfRangeException>(), "Step 4: an order of a negative quantity should fail as the core's TryReserve fails");
        Assert.That(inventory.ReservedOf("lamp"), Is.Zero, "Step 4: the inventory given to Allocate must be left unchanged, even by a batch that fails");
    }
}
