using System.Threading;
using System.Threading.Tasks;

namespace DynamicSupervisors;

/// <summary>
/// The race's entry list: who may have a clock. Asking it is slow (think of a database on the other side of a network),
/// so the desk asks only about a runner who has no clock yet.
/// </summary>
public interface IEntryList
{
    /// <summary>Whether <paramref name="runner"/> is entered in the race.</summary>
    /// <param name="runner">The runner's name.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    Task<bool> IsEnteredAsync(string runner, CancellationToken cancellationToken);
}
