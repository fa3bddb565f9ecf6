using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Otp;

namespace Runtime.Tests;

/// <summary>Crash and supervisor reports, written to the <see cref="ILoggerFactory"/> a node is given.</summary>
public sealed class LoggingTests
{
    [Test, CancelAfter(5000)]
    public async Task A_crash_is_logged_as_an_error_with_its_exception_under_Otp_CrashReport(CancellationToken ct)
    {
        var logs = new CollectingLoggerFactory();
        using var node = new Node(new NodeOptions { LoggerFactory = logs, Name = "crashing@test" });
        var pid = node.Spawn(_ => throw new InvalidOperationException("boom"));

        var entry = await logs.WaitForAsync(e => e.Category == "Otp.CrashReport", ct);

        Assert.That(entry.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(entry.Exception, Is.InstanceOf<InvalidOperationException>());
        Assert.That(entry.Message, Does.Contain(pid.ToString()).And.Contain("crashing@test").And.Contain("boom"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_normal_exit_is_not_a_crash(CancellationToken ct)
    {
        var logs = new CollectingLoggerFactory();
        using var node = new Node(new NodeOptions { LoggerFactory = logs });
        using var inbox = node.CreateInbox();
        var (_, normal) = inbox.SpawnMonitor(_ => Task.CompletedTask);
        await inbox.DownReason(normal, ct);
        var (_, crashed) = inbox.SpawnMonitor(ctx => throw new InvalidOperationException("second"));
        await inbox.DownReason(crashed, ct);

        var entry = await logs.WaitForAsync(e => e.Category == "Otp.CrashReport", ct);

        Assert.That(entry.Message, Does.Contain("second"), "the first report is the crash: the normal exit before it was not reported");
    }

    [Test, CancelAfter(10000)]
    public async Task A_supervisor_reports_the_terminated_child_and_its_restart_under_Otp_SupervisorReport(CancellationToken ct)
    {
        var logs = new CollectingLoggerFactory();
        using var node = new Node(new NodeOptions { LoggerFactory = logs });
        var sup = await Supervisor.StartAsync(node, [ChildSpec.For(() => new TestServer()) with { Id = "worker" }], new SupervisorOptions { Name = "logged_sup" });
        var child = (await Supervisor.WhichChildrenAsync(node, sup, ct)).Single().Pid!;

        node.Exit(child, new Atom("bad_luck"));
        var restarted = await logs.WaitForAsync(e => e.Category == "Otp.SupervisorReport" && e.Level == LogLevel.Information, ct);
        var terminated = logs.Entries.Single(e => e.Category == "Otp.SupervisorReport" && e.Level == LogLevel.Error);

        Assert.That(terminated.Message, Does.Contain("logged_sup").And.Contain("worker").And.Contain(child.ToString()).And.Contain("bad_luck"));
        var newPid = (await Supervisor.WhichChildrenAsync(node, sup, ct)).Single().Pid!;
        Assert.That(restarted.Message, Does.Contain("worker").And.Contain(newPid.ToString()));
    }

    [Test, CancelAfter(10000)]
    public async Task A_supervisor_that_gives_up_says_so(CancellationToken ct)
    {
        var logs = new CollectingLoggerFactory();
        using var node = new Node(new NodeOptions { LoggerFactory = logs });
        using var inbox = node.CreateInbox();
        var sup = await Supervisor.StartAsync(node, [ChildSpec.For(() => new TestServer()) with { Id = "worker" }], new SupervisorOptions { MaxRestarts = 0 });
        var down = inbox.Monitor(sup);
        var child = (await Supervisor.WhichChildrenAsync(node, sup, ct)).Single().Pid!;

        node.Exit(child, ExitReason.Kill);
        await inbox.DownReason(down, ct);

        var entry = await logs.WaitForAsync(e => e.Message.Contains("maximum restart intensity", StringComparison.Ordinal), ct);
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Error));
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    /// <summary>A logger factory that keeps every entry and lets a test await the one it expects.</summary>
    private sealed class CollectingLoggerFactory : ILoggerFactory
    {
        private readonly ConcurrentQueue<Entry> _entries = new();
        private readonly SemaphoreSlim _added = new(0);

        public IEnumerable<Entry> Entries => _entries;

        public async Task<Entry> WaitForAsync(Func<Entry, bool> match, CancellationToken ct)
        {
            while (true)
            {
                if (_entries.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await _added.WaitAsync(ct);
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose() => _added.Dispose();

        private sealed class Logger(CollectingLoggerFactory owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
                owner._added.Release();
            }
        }
    }
}
