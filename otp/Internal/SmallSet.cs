namespace Otp;

/// <summary>
/// A set kept in one field that is usually empty or holds one item (a process's links, its monitors): null, the item
/// itself, or a <see cref="HashSet{T}"/> from the second item on. Most processes have at most one link and one monitor,
/// so they allocate no set at all. Not thread-safe: the owner guards the field.
/// </summary>
internal static class SmallSet
{
    public static void Add<T>(ref object? set, T item)
        where T : class
    {
        switch (set)
        {
            case null:
                set = item;
                break;
            case HashSet<T> many:
                many.Add(item);
                break;
            default:
                if (!ReferenceEquals(set, item))
                {
                    set = new HashSet<T> { (T)set, item };
                }

                break;
        }
    }

    /// <summary>Removes <paramref name="item"/>; false if it was not there.</summary>
    public static bool Remove<T>(ref object? set, T item)
        where T : class
    {
        switch (set)
        {
            case null:
                return false;
            case HashSet<T> many:
                if (!many.Remove(item))
                {
                    return false;
                }

                if (many.Count == 0)
                {
                    set = null;
                }

                return true;
            default:
                if (!ReferenceEquals(set, item))
                {
                    return false;
                }

                set = null;
                return true;
        }
    }

    public static T[] ToArray<T>(object? set)
        where T : class => set switch
    {
        null => [],
        HashSet<T> many => [.. many],
        _ => [(T)set],
    };
}
