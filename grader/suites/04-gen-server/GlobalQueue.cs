using System;
using System.Threading;

namespace GenServers.Hidden;

/// <summary>
/// Runs a small action from the thread pool's global queue. Work queued by a pool thread usually lands in that
/// thread's own local queue; when the thread then blocks (as a test's blocked callback does on purpose), the work
/// waits until another thread steals it, which can take most of a second. Queuing from here keeps the suite fast.
/// </summary>
internal static class GlobalQueue
{
    public static void Post(Action action) =>
        ThreadPool.UnsafeQueueUserWorkItem(static a => a(), action, preferLocal: false);
}
