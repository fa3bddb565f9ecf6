using ApprovalTests;
using ApprovalTests.Core;
using ApprovalTests.Core.Exceptions;

namespace Runtime.Tests.Surface;

/// <summary>
/// The one place that knows the snapshot library. An approved file is <c>Surface/&lt;name&gt;.approved.txt</c> in the
/// source tree; a mismatch fails the test with the changed lines and leaves <c>&lt;name&gt;.received.txt</c> next to it
/// (git-ignored), never opening a diff tool. With the environment variable <see cref="ApproveVariable"/> set to 1, a
/// mismatch overwrites the approved file instead (review it with <c>git diff</c> before committing).
/// </summary>
internal static class Snapshot
{
    /// <summary>Set to 1 to accept the received text as the new approved file.</summary>
    public const string ApproveVariable = "OTP_APPROVE";

    /// <summary>Fails unless <paramref name="text"/> equals the approved snapshot called <paramref name="name"/>.</summary>
    public static void Verify(string text, string name)
    {
        var approving = Environment.GetEnvironmentVariable(ApproveVariable) == "1";
        var writer = new Utf8Writer(text.ReplaceLineEndings("\n"));
        var namer = new Namer(name);
        try
        {
            Approvals.Verify(writer, namer, approving ? new Approve() : new Quiet());
        }
        catch (ApprovalException mismatch)
        {
            var approved = File.Exists(mismatch.Approved) ? File.ReadAllLines(mismatch.Approved) : [];
            var received = File.ReadAllLines(mismatch.Received);
            Assert.Fail(
                $"{Path.GetFileName(mismatch.Approved)} does not match what the code gives now.\n" +
                $"Lines removed (-) and added (+):\n{Difference(approved, received)}\n" +
                $"If the change is intended, accept it: run `{ApproveVariable}=1 dotnet test tests/Runtime.Tests --filter \"FullyQualifiedName~Surface\"` " +
                $"(or move {Path.GetFileName(mismatch.Received)} onto {Path.GetFileName(mismatch.Approved)} in {namer.SourcePath}), " +
                "and commit the approved file with the change, for review.");
        }
    }

    // The listings are sorted, so lines missing on either side read as the difference.
    private static string Difference(string[] approved, string[] received)
    {
        var removed = approved.Except(received).Select(line => "- " + line);
        var added = received.Except(approved).Select(line => "+ " + line);
        return string.Join('\n', removed.Concat(added).Take(60));
    }

    // ApprovalTextWriter would write a byte order mark, which the kit's text files do not have.
    private sealed class Utf8Writer(string text) : IApprovalWriter
    {
        public string GetApprovalFilename(string baseName) => baseName + ".approved.txt";

        public string GetReceivedFilename(string baseName) => baseName + ".received.txt";

        public string WriteReceivedFile(string received)
        {
            File.WriteAllText(received, text);
            return received;
        }
    }

    private sealed class Namer(string name) : IApprovalNamer
    {
        public string SourcePath => Path.Combine(SourceTree.TestProject, "Surface");

        public string Name => name;
    }

    private sealed class Quiet : IApprovalFailureReporter
    {
        public void Report(string approved, string received)
        {
        }
    }

    private sealed class Approve : IApprovalFailureReporter, IReporterWithApprovalPower
    {
        public void Report(string approved, string received) => File.Move(received, approved, overwrite: true);

        public bool ApprovedWhenReported() => true;
    }
}
