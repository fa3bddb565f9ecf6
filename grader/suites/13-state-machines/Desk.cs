using System.Collections.Generic;

namespace StateMachines.Hidden;

/// <summary>A notifier that writes down every review request, in order, as "reviewer: title"; read it after a probe.</summary>
internal sealed class Desk : IReviewerNotifier
{
    private readonly List<string> _requests = [];

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

