using System.CommandLine;
using Grader.Running;

namespace Grader.Commands;

/// <summary>
/// <c>__run-tests</c>, hidden: the entry point of a test process the grader starts. Not for people; the grader
/// passes the compiled assemblies as arguments, and the name of its private pipe and a secret on standard input.
/// </summary>
internal static class RunTestsCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "__run-tests";

    /// <summary>The hidden command.</summary>
    public static Command Create()
    {
        var visible = new Option<string>("--visible") { Required = true };
        var hidden = new Option<string?>("--hidden");
        var only = new Option<string?>("--only");
        var command = new Command(Name) { visible, hidden, only };
        command.Hidden = true;
        command.SetAction(result =>
        {
            // Where the platform has no setsid program, the process leads a session of its own (so what the learner's
            // code starts stays in it); then the channel's name and secret, on standard input, before any learner code runs.
            ProcessGroup.LeadOwnSession();
            var secret = ChannelSecret.Read(Console.In);
            var options = new ChildRunnerOptions(result.GetValue(visible)!, result.GetValue(hidden), result.GetValue(only));
            var code = new ChildTestRunner(options, secret).Run();

            // End the process even if the code under test left foreground threads running.
            Environment.Exit(code);
            return code;
        });
        return command;
    }
}
