namespace Otp;

/// <summary>A monitor held by the runtime itself: completes a task with the exit reason (for stop and shutdown waits).</summary>
internal sealed class DownWaiter : IDownHandler
{
    private readonly TaskCompletionSource<object> _down = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<object> Reason => _down.Task;

    public void OnDown(MonitorRef monitor, Pid pid, object reason) => _down.TrySetResult(reason);
}
