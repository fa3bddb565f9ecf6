using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace WhenNotToOtp.Hidden;

/// <summary>The core against a model: random operations, the invariant after each, values that never change.</summary>
[Property("Step", 2)]
public sealed class InventorySuite
{
    private static readonly string[] Items = ["lamp", "desk", "sofa", "rug"];

    [Test]
    public void Random_reservations_and_restocks_match_a_model_and_keep_the_invariant()
    {
        var random = Seeded.Random();
        var onHand = Items.ToDictionary(item => item, _ => random.Next(0, 6));
        var reserved = Items.ToDictionary(item => item, _ => 0);
        var inventory = Inventory.Of(onHand);
        var history = new List<(Inventory Value, Dictionary<string, int> OnHand, Dictionary<string, int> Reserved)>();

        for (var i = 0; i < 400; i++)
        {
            history.Add((inventory, new(onHand), new(reserved)));
            var item = Items[random.Next(Items.Length)];
            var quantity = random.Next(1, 5);
            if (random.Next(4) == 0)
            {
                inventory = inventory.Restock(item, quantity);
                onHand[item] += quantity;
            }
            else
            {
                var after = inventory.TryReserve(item, quantity);
                var fits = onHand[item] - reserved[item] >= quantity;
                Assert.That(after is not null, Is.EqualTo(fits), $"operation {i}: reserve {quantity} {item} with {onHand[item] - reserved[item]} free");
                if (after is not null)
                {
                    inventory = after;
                    reserved[item] += quantity;
                }
            }

            foreach (var each in Items)
            {
                Assert.That((inventory.OnHandOf(each), inventory.ReservedOf(each), inventory.Free(each)),
                    Is.EqualTo((onHand[each], reserved[each], onHand[each] - reserved[each])), $"operation {i}: {each}");
                Assert.That(inventory.ReservedOf(each), Is.LessThanOrEqualTo(inventory.OnHandOf(each)), "the invariant");
            }
        }

        foreach (var (value, oldOnHand, oldReserved) in history.Where((_, i) => i % 37 == 0))
        {
            foreach (var each in Items)
            {
                Assert.That((value.OnHandOf(each), value.ReservedOf(each)), Is.EqualTo((oldOnHand[each], oldReserved[each])),
                    "An inventory from earlier still holds what it held: no operation changed it.");
            }
        }
    }

    [Test]
    public void Equal_contents_make_equal_inventories_whatever_the_order_of_operations()
    {
        var one = Inventory.Empty.Restock("lamp", 2).Restock("desk", 1).TryReserve("lamp", 1)!;
        var two = Inventory.Of(new Dictionary<string, int> { ["desk"] = 1, ["lamp"] = 1, ["sofa"] = 0 }).Restock("lamp", 1).TryReserve("lamp", 1)!;
        var other = Inventory.Of(new Dictionary<string, int> { ["desk"] = 1, ["lamp"] = 2 }).TryReserve("desk", 1)!;

        Assert.That(one, Is.EqualTo(two), "Step 2: two inventories with the same counts should be equal, whatever operations built them");
        Assert.That(one == two, Is.True, "Step 2: == should agree with Equals for two inventories with the same counts");
        Assert.That(one.GetHashCode(), Is.EqualTo(two.GetHashCode()), "Step 2: equal inventories must have equal hash codes (GetHashCode must follow Equals)");
        Assert.That(new HashSet<Inventory> { one, two }, Has.Count.EqualTo(1), "Step 2: a HashSet should hold two equal inventories as one (Equals and GetHashCode agree)");
        Assert.That(one, Is.Not.EqualTo(other), "same items, same on hand, different reservations");
        Assert.That(one, Is.Not.EqualTo(one.Restock("rug", 1)), "one more item");
        Assert.That(one.Restock("rug", 1), Is.Not.EqualTo(one), "one fewer item");
        Assert.That(one, Is.Not.EqualTo(one.Restock("desk", 1)), "same items, one of them with more on hand");
        Assert.That(one.Equals(null), Is.False, "Step 2: an inventory is never equal to null");
        Assert.That(Inventory.Of(new Dictionary<string, int>()), Is.EqualTo(Inventory.Empty), "Step 2: Inventory.Of with no stock should equal Inventory.Empty");
        Assert.That(Inventory.Of(new Dictionary<string, int> { ["lamp"] = 0 }), Is.EqualTo(Inventory.Empty), "a count of 0 is no stock");
        Assert.That(Inventory.Of(new Dictionary<string, int> { ["lamp"] = 1 }), Is.Not.EqualTo(Inventory.Of(new Dictionary<string, int> { ["desk"] = 1 })), "Step 2: one lamp in stock and one desk in stock are different inventories");
    }

    [Test]
    public void Different_contents_usually_hash_differently()
    {
        var hashes = Enumerable.Range(1, 20).Select(n => Inventory.Empty.Restock("lamp", n).GetHashCode()).ToHashSet();
        var reservedHashes = Enumerable.Range(1, 5).Select(n => Inventory.Empty.Restock("lamp", 5).TryReserve("lamp", n)!.GetHashCode()).ToHashSet();

        Assert.That(hashes, Has.Count.GreaterThan(15), "the hash depends on the counts");
        Assert.That(reservedHashes, Has.Count.GreaterThan(3), "the hash depends on the reservations");
        Assert.That(Inventory.Empty.Restock("lamp", 1).GetHashCode(), Is.Not.EqualTo(Inventory.Empty.Restock("desk", 1).GetHashCode()),
            "the hash depends on the item");
    }

    [Test]
    public void Of_copies_the_stock_it_is_given()
    {
        var stock = new Dictionary<string, int> { ["lamp"] = 2 };
        var inventory = Inventory.Of(stock);

        stock["lamp"] = 9;
        stock["desk"] = 1;

        Assert.That((inventory.OnHandOf("lamp"), inventory.OnHandOf("desk")), Is.EqualTo((2, 0)), "Step 2: Inventory.Of should copy the stock: changing the dictionary afterwards must not change the inventory");
    }

    [Test]
    public void Reserving_exactly_what_is_free_is_granted_and_one_more_is_not()
    {
        var random = Seeded.Random();
        var count = random.Next(1, 50);
        var inventory = Inventory.Of(new Dictionary<string, int> { ["lamp"] = count });

        Assert.That(inventory.TryReserve("lamp", count + 1), Is.Null, $"Step 2: reserving {count + 1} with {count} free should be refused with null");
        var all = inventory.TryReserve("lamp", count);
        Assert.That(all?.Free("lamp"), Is.Zero, "Step 2: after reserving everything on hand, Free should be 0");
        Assert.That(all!.TryReserve("lamp", 1), Is.Null, "Step 2: with nothing free, reserving 1 more should be refused with null");
        Assert.That(all.Restock("lamp", 1).TryReserve("lamp", 1)?.ReservedOf("lamp"), Is.EqualTo(count + 1), "Step 2: after a restock of 1, that unit should be reservable on top of those already reserved");
        Assert.That(inventory.Free("lamp"), Is.EqualTo(count), "Step 2: TryReserve must not change the inventory it is called on: Free is still everything on hand");
    }

    [Test]
    public void A_refusal_or_a_reservation_leaves_other_items_alone()
    {
        var inventory = Inventory.Of(new Dictionary<string, int> { ["lamp"] = 2, ["desk"] = 3 });

        var after = inventory.TryReserve("lamp", 2)!.Restock("sofa", 4);

        Assert.That((after.OnHandOf("desk"), after.ReservedOf("desk"), after.Free("desk")), Is.EqualTo((3, 0, 3)), "Step 2: reserving lamps and restocking sofas should leave the desk's counts alone");
        Assert.That((after.OnHandOf("sofa"), after.ReservedOf("sofa")), Is.EqualTo((4, 0)), "Step 2: restocking a new item should put it on hand with nothing reserved");
        Assert.That(after.TryReserve("desk", 3)!.ReservedOf("lamp"), Is.EqualTo(2), "Step 2: reserving desks should leave the lamps' reservation alone");
    }

    [Test]
    public void The_core_names_the_bad_argument()
    {
        var inventory = Inventory.Empty.Restock("lamp", 1);

        Assert.That(() => Inventory.Of(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("stock"), "Step 2: Inventory.Of should refuse null stock");
        Assert.That(() => Inventory.Of(new Dictionary<string, int> { ["lamp"] = 1, ["desk"] = -3 }),
            Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("stock").And.Message.Contains("desk"), "Step 2: Inventory.Of should refuse a negative count, naming the stock and the item (desk) in its message");
        Assert.That(() => Inventory.Of(new Dictionary<string, int> { [""] = 0 }), Throws.InstanceOf<ArgumentException>(), "Step 2: Inventory.Of should refuse an empty item name");
        Assert.That(() => inventory.TryReserve(null!, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("item"), "Step 2: TryReserve should refuse a null item");
        Assert.That(() => inventory.TryReserve("lamp", -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("quantity"), "Step 2: TryReserve should refuse a negative quantity");
        Assert.That(() => inventory.Restock("", 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("item"), "Step 2: Restock should refuse an empty item");
        Assert.That(() => inventory.Restock("lamp", 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("quantity"), "Step 2: Restock should refuse a quantity of zero");
        Assert.That(() => inventory.TryReserve("sofa", 0), Throws.InstanceOf<ArgumentOutOfRangeException>(), "arguments are checked even for an item never stocked");
    }
}
