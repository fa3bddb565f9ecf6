using System.Collections.Generic;

namespace StateMachines.Tests;

/// <summary>
/// A notifier for the tests: it writes down every review request, in order, as "reviewer: title". The router calls it
/// from its own process; the tests read it after a probe (<see cref="TestNode.ProbeAsync"/>), once the router is idle.
/// </summary>
internal sealed class ReviewDesk : IReviewerNotifier
{
    private readonly List<string> _requests = [];

    /// <summary>The review requests so far, oldest first, as "reviewer: title".</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void ReviewRequested(string reviewer, string title)
    {
        lock (_requests)
        {
            _requests.Add($"{reviewer}: {title}");
        }
    }
}
