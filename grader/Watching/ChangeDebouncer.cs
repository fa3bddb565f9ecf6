using System.Threading.Channels;

namespace Grader.Watching;

/// <summary>
/// Turns a burst of file events (an editor's save is often several: write, rename, touch) into one: after the first
/// change, waits until none has arrived for <see cref="Quiet"/>, measured with the injected clock.
/// </summary>
internal sealed class ChangeDebouncer
{
    // Synchronous continuations: a change restarts the quiet period before Changed returns, so the clock (a fake one
    // in tests) never runs ahead of the debouncer.
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly TimeProvider _time;

    public ChangeDebouncer(TimeSpan quiet, TimeProvider time)
    {
        Quiet = quiet;
        _time = time;
    }

    /// <summary>How long the files must stay unchanged before a change counts.</summary>
    public TimeSpan Quiet { get; }

    /// <summary>Records a change (from any thread, for example a FileSystemWatcher's).</summary>
    public void Changed(string path) => _changes.Writer.TryWrite(path);

    /// <summary>Completes once a change was followed by <see cref="Quiet"/> without another; returns the paths changed.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(CancellationToken cancellationToken)
    {
        var paths = new List<string> { await _changes.Reader.ReadAsync(cancellationToken) };
        while (true)
        {
            using var quiet = new CancellationTokenSource(Quiet, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(quiet.Token, cancellationToken);
            try
            {
                paths.Add(await _changes.Reader.ReadAsync(linked.Token));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return paths.Distinct().ToList();
            }
        }
    }
}
