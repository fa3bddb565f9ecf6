using System.Text;

namespace Grader.Running;

/// <summary>Collects a child's console text up to a cap, so a learner's program flooding the console cannot exhaust memory.</summary>
internal sealed class CappedText
{
    private readonly int _capacity;
    private readonly StringBuilder _text = new();
    private readonly object _lock = new();
    private bool _truncated;
    private bool _ended;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CappedText(int capacity) => _capacity = capacity;

    /// <summary>
    /// Reads <paramref name="reader"/> to its end in blocks, keeping what fits. Not line by line: a learner's program
    /// can write a gigabyte without a newline, and a line reader would hold all of it in memory.
    /// </summary>
    public async Task PumpAsync(TextReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
                Append(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // the process is gone and its pipe with it
        }
        finally
        {
            lock (_lock)
            {
                _ended = true;
                Changed();
            }
        }
    }

    /// <summary>
    /// Completes once <paramref name="text"/> has been kept after <paramref name="position"/>, or once nothing more can
    /// come (the end of the stream, the cap), or when <paramref name="cancellationToken"/> is cancelled; never throws.
    /// </summary>
    public async Task WaitForAsync(string text, int position, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            lock (_lock)
            {
                var start = Math.Min(position, _text.Length);
                if (_ended || _truncated || _text.ToString(start, _text.Length - start).Contains(text, StringComparison.Ordinal))
                    return;
                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Wakes the waiters of <see cref="WaitForAsync"/>; called under the lock.</summary>
    private void Changed()
    {
        _changed.TrySetResult();
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Adds text; once the cap is reached, further text is dropped and the end is marked.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        lock (_lock)
        {
            var room = _capacity - _text.Length;
            if (text.Length > room)
                _truncated = true;
            _text.Append(text[..Math.Min(room, text.Length)]);
            Changed();
        }
    }

    /// <summary>Adds a line; once the cap is reached, further text is dropped and the end is marked.</summary>
    public void AppendLine(string? line)
    {
        if (line is null)
            return;
        lock (_lock)
        {
            if (_text.Length + line.Length + 1 > _capacity)
            {
                _truncated = true;
                return;
            }

            _text.Append(line).Append('\n');
            Changed();
        }
    }

    /// <summary>How much text has been kept so far: a position for <see cref="Since"/>.</summary>
    public int Length
    {
        get
        {
            lock (_lock)
                return _text.Length;
        }
    }

    /// <summary>The text kept after <paramref name="position"/> (an earlier <see cref="Length"/>).</summary>
    public string Since(int position)
    {
        lock (_lock)
        {
            var text = position >= _text.Length ? "" : OutputMark.Remove(_text.ToString(position, _text.Length - position));
            return _truncated && text.Length > 0 ? text + Marker : text;
        }
    }

    private string Marker => $"[output truncated at {_capacity / 1024} KB]\n";

    /// <summary>The text so far.</summary>
    public override string ToString()
    {
        lock (_lock)
            return OutputMark.Remove(_text.ToString()) + (_truncated ? Marker : "");
    }
}
