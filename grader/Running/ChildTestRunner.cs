using System.IO.Pipes;
using System.Runtime.Loader;
using System.Xml.Linq;
using Grader.Reporting;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using TestSuite = Grader.Reporting.TestSuite;

namespace Grader.Running;

/// <summary>
/// Runs inside the test process (the hidden <c>__run-tests</c> command): loads the compiled assemblies, announces
/// every test, runs them with NUnit's own runner and streams events to the grader over the named pipe.
/// </summary>
internal sealed class ChildTestRunner
{
    private readonly ChildRunnerOptions _options;
    private readonly object _sendLock = new();
    private readonly ChannelSecret _secret;
    private StreamWriter? _channel;

    /// <param name="options">What to run.</param>
    /// <param name="secret">The channel and its secret, read from standard input before any learner code is loaded.</param>
    public ChildTestRunner(ChildRunnerOptions options, ChannelSecret secret)
    {
        _options = options;
        _secret = secret;
    }

    /// <summary>Connects, runs, and returns the process exit code (0 when the run completed).</summary>
    public int Run()
    {
        using var pipe = new NamedPipeClientStream(".", _secret.PipeName, PipeDirection.Out);
        pipe.Connect(TimeSpan.FromSeconds(30));
        _channel = new StreamWriter(pipe) { AutoFlush = true, NewLine = "\n" };
        try
        {
            RunAll();
        }
        catch (Exception e)
        {
            // Tell the grader why there are no results instead of leaving it to guess from an exit code.
            Send(new RunnerEvent { Kind = RunnerEvent.RunnerError, Message = e.ToString() });
            return 3;
        }

        Send(new RunnerEvent { Kind = RunnerEvent.RunFinished });
        return 0;
    }

    private void RunAll()
    {

        var assemblies = new List<(TestSuite Suite, string Path)> { (TestSuite.Visible, _options.VisibleAssembly) };
        if (_options.HiddenAssembly is not null)
            assemblies.Add((TestSuite.Hidden, _options.HiddenAssembly));
        ResolveFrom(assemblies.Select(a => Path.GetDirectoryName(a.Path)!).Distinct());

        var only = _options.ReadOnly();
        var runs = new List<(TestSuite Suite, NUnitTestAssemblyRunner Runner, ITestFilter Filter)>();
        foreach (var (suite, path) in assemblies)
        {
            var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
            var settings = new Dictionary<string, object>
            {
                [FrameworkPackageSettings.NumberOfTestWorkers] = 0,
                [FrameworkPackageSettings.SynchronousEvents] = true,
                [FrameworkPackageSettings.WorkDirectory] = Path.GetDirectoryName(path)!,
            };
            runner.Load(AssemblyLoadContext.Default.LoadFromAssemblyPath(path), settings);
            var filter = Filter(only?.Where(t => t.Suite == suite).Select(t => t.FullName).ToList());
            if (filter is null)
                continue;
            Announce(suite, runner.ExploreTests(filter), filter);
            runs.Add((suite, runner, filter));
        }

        foreach (var (suite, runner, filter) in runs)
            runner.Run(new PipeTestListener(suite, Send), filter);
    }

    private void Send(RunnerEvent runnerEvent)
    {
        // Tests may finish on several threads; each line must reach the grader whole.
        lock (_sendLock)
            _channel!.WriteLine(_secret.Sign(runnerEvent.ToJsonLine()));
    }

    private void Announce(TestSuite suite, ITest test, ITestFilter filter)
    {
        if (!test.IsSuite)
        {
            if (filter.Pass(test))
                Send(PipeTestListener.Describe(suite, test, RunnerEvent.Discovered));
            return;
        }

        foreach (var child in test.Tests)
            Announce(suite, child, filter);
    }

    /// <summary>Everything when <paramref name="fullNames"/> is null; null when the list is empty (nothing to run).</summary>
    internal static ITestFilter? Filter(IReadOnlyList<string>? fullNames)
    {
        if (fullNames is null)
            return TestFilter.Empty;
        if (fullNames.Count == 0)
            return null;
        var xml = new XElement("filter", new XElement("or", fullNames.Select(n => new XElement("test", n))));
        return TestFilter.FromXml(xml.ToString(SaveOptions.DisableFormatting));
    }

    private static void ResolveFrom(IEnumerable<string> directories)
    {
        var dirs = directories.ToList();
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            foreach (var dir in dirs)
            {
                var candidate = Path.Combine(dir, name.Name + ".dll");
                if (File.Exists(candidate))
                    return context.LoadFromAssemblyPath(candidate);
            }

            return null;
        };
    }
}
