using System.Threading.Tasks;
using Otp;

namespace TasksAndAgents;

/// <summary>
/// Where prices come from: a supplier's web service in a real program, a fake one held at gates in the tests. A fetch
/// may be slow, may never answer, and may throw.
/// </summary>
public interface IPriceSource
{
    /// <summary>Fetches the price of <paramref name="product"/>.</summary>
    /// <param name="product">The product.</param>
    /// <param name="self">
    /// The process the fetch runs in (the task's own process). A real source would pass <c>self.ExitToken</c> to its HTTP
    /// client, so that a task that is killed also stops its request.
    /// </param>
    /// <returns>The price.</returns>
    Task<decimal> FetchAsync(string product, ProcessContext self);
}
