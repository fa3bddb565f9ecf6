using System.Collections.Generic;
using System.Threading.Tasks;

namespace ResponseTuples;

/// <summary>
/// Where a user's history lives (a database, in a real system). Loading it is slow, which is why a session loads it
/// after <c>Init</c>, in <c>HandleContinueAsync</c>, and not while its starter waits.
/// </summary>
public interface IMessageStore
{
    /// <summary>The messages <paramref name="user"/> has not read yet, oldest first.</summary>
    /// <param name="user">Whose history to load.</param>
    Task<IReadOnlyList<string>> LoadAsync(string user);
}
