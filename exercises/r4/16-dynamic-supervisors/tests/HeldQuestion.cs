using System.Threading.Tasks;

namespace DynamicSupervisors.Tests;

/// <summary>A question to the <see cref="EntryList"/> that waits until the test calls <see cref="Release"/>.</summary>
public sealed class HeldQuestion(string runner, bool isEntered)
{
    private readonly TaskCompletionSource<bool> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The runner asked about.</summary>
    public string Runner { get; } = runner;

    /// <summary>The answer, once released.</summary>
    public Task<bool> Answer => _answer.Task;

    /// <summary>Lets the question be answered (truthfully).</summary>
    public void Release() => _answer.TrySetResult(isEntered);
}
