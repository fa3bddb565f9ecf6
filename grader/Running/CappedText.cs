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
    /// The position where <paramref name="text"/> starts, at or after <paramref name="position"/>, once it has been kept;
    /// -1 once it cannot come any more (the end of the stream, the cap) or when <paramref name="cancellationToken"/> is
    /// cancelled. Never throws.
    /// </summary>
    public async Task<int> IndexOfAsync(string text, int position, CancellationToken cancellationToken)
    {
        var start = position;
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            lock (_lock)
            {
                start = Math.Min(start, _text.Length);
                var found = _text.ToString(start, _text.Length - start).IndexOf(text, StringComparison.Ordinal);
                if (found >= 0)
                    return start + found;
                if (_ended || _truncated)
                    return -1;
                // Next time, search only what arrives (and the few characters before it a mark could start in).
                start = Math.Max(start, _text.Length - text.Length + 1);
                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return -1;
    }

    /// <summary>
    /// The text kept from <paramref name="from"/> up to <paramref name="to"/>, without output marks; marked as cut short
    /// when it runs to the end of text that reached the cap.
    /// </summary>
    public string Between(int from, int to)
    {
        lock (_lock)
        {
            from = Math.Min(from, _text.Length);
            to = Math.Clamp(to, from, _text.Length);
            var text = OutputMark.Remove(_text.ToString(from, to - from));
            return _truncated && to == _text.Length && text.Length > 0 ? text + Marker : text;
        }
    }

    /// <summary>Wakes the waiters of <see cref="IndexOfAsync"/>; called under the lock.</summary>
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

    /// <summary>How much text has been kept so far: a position for <see cref="Between"/>.</summary>
    public int Length
    {
        get
        {
            lock (_lock)
                return _text.Length;
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
