using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace DynamicSupervisors.Tests;

/// <summary>
/// The entry list the tests hand the desk: it knows who is entered, records every question it is asked, and, once
/// <see cref="Hold"/> is called, keeps each question waiting until the test answers it. That is the gate the race of
/// step 2 is forced with: two callers both past their lookup, both waiting for an answer, before either starts a clock.
/// </summary>
public sealed class EntryList(params string[] entered) : IEntryList
{
    private readonly HashSet<string> _entered = [.. entered];
    private readonly ConcurrentQueue<string> _asked = new();
    private readonly Channel<HeldQuestion> _held = Channel.CreateUnbounded<HeldQuestion>();
    private volatile bool _holding;

    /// <summary>Every runner the desk asked about, in the order asked.</summary>
    public IReadOnlyList<string> Asked => _asked.ToArray();

    /// <summary>How many times the desk asked about <paramref name="runner"/>.</summary>
    public int TimesAsked(string runner) => Asked.Count(r => r == runner);

    /// <summary>From now on every question waits until the test answers it (see <see cref="NextHeldAsync"/>).</summary>
    public void Hold() => _holding = true;

    /// <inheritdoc />
    public Task<bool> IsEnteredAsync(string runner, CancellationToken cancellationToken)
    {
        _asked.Enqueue(runner);
        var isEntered = _entered.Contains(runner);
        if (!_holding)
        {
            return Task.FromResult(isEntered);
        }

        var question = new HeldQuestion(runner, isEntered);
        _held.Writer.TryWrite(question);
        return question.Answer.WaitAsync(cancellationToken);
    }

    /// <summary>The next question kept waiting, in the order asked.</summary>
    public ValueTask<HeldQuestion> NextHeldAsync(CancellationToken cancellationToken) => _held.Reader.ReadAsync(cancellationToken);
}
