using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Runtime.Tests.Surface;

/// <summary>
/// Compiles the C# samples of otp/README.md against the Otp assembly. The convention a sample follows:
/// <list type="bullet">
/// <item>Type declarations (a server, an application) are compiled as they are, in a namespace of the sample's own, so two
/// samples may both declare a <c>Counter</c>.</item>
/// <item>Statements (written before or after the types) are the body of an <c>async</c> method of a class deriving from
/// <see cref="Scope"/>, so they may <c>await</c> and use what <see cref="Scope"/> declares (<c>node</c>, <c>ctx</c>,
/// <c>inbox</c>, <c>msg</c>, ...), and may declare their own <c>node</c> or <c>inbox</c> (a local hides the field).</item>
/// <item>A sample may opt out only with a line <c>&lt;!-- not compiled: the reason --&gt;</c> just above its fence.</item>
/// </list>
/// Errors and warnings fail (the kit builds with warnings as errors, and a sample is copied into such projects), except
/// the warnings a fragment cannot avoid: a variable declared to show a result and not used further.
/// </summary>
internal static partial class ReadmeSamples
{
    /// <summary>
    /// What a sample may use without declaring it: the process it runs in, the node, and the placeholders the samples
    /// name for "your server" or "your computation".
    /// </summary>
    public const string Scope = """
        namespace ReadmeSamples;

        /// <summary>The names a README sample may use without declaring them.</summary>
        internal abstract class Scope
        {
            /// <summary>The node the sample runs on.</summary>
            protected Node node = null!;

            /// <summary>The process the sample's code runs in (a body's context, or an inbox).</summary>
            protected ProcessContext ctx = null!;

            /// <summary>A process standing for the caller in samples written from a test's point of view.</summary>
            protected ProcessContext inbox = null!;

            /// <summary>Any message.</summary>
            protected object msg = "hello";

            /// <summary>Any value.</summary>
            protected object? value = null;

            /// <summary>Some inputs for a stream of tasks.</summary>
            protected IEnumerable<string> urls = [];

            /// <summary>A computation to run in a task.</summary>
            protected static int Compute() => 42;

            /// <summary>A computation that may fail.</summary>
            protected static int MayThrow() => throw new InvalidOperationException("failed");

            /// <summary>A computation per input, for streams of tasks.</summary>
            protected static string Fetch(string url) => url;

            /// <summary>An asynchronous computation.</summary>
            protected static Task<int> SumAsync() => Task.FromResult(42);

            /// <summary>A task's body (warming a cache, say).</summary>
            protected static Task Warm(ProcessContext task) => Task.CompletedTask;

            /// <summary>A resource handed to servers.</summary>
            protected Database database = new();
        }

        /// <summary>A resource handed to servers (a connection, a pool).</summary>
        internal sealed class Database;

        /// <summary>A server of the application's, named in samples about supervision.</summary>
        internal sealed class Cache(string region = "") : GenServer<string> { protected override InitResult<string> Init() => Ok(region); }

        /// <summary>Another server of the application's.</summary>
        internal sealed class Worker : GenServer<int> { protected override InitResult<int> Init() => Ok(0); }

        /// <summary>A chat room server.</summary>
        internal sealed class Room(Database? db = null, string topic = "") : GenServer<(Database?, string)> { protected override InitResult<(Database?, string)> Init() => Ok((db, topic)); }

        /// <summary>A shopping cart server.</summary>
        internal sealed class Cart : GenServer<int> { protected override InitResult<int> Init() => Ok(0); }
        """;

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Otp;
        """;

    // Diagnostics a fragment cannot avoid: a local declared to show what a call returns, and not used again.
    private static readonly HashSet<string> s_tolerated = ["CS0168", "CS0219"];

    private static readonly Lazy<IReadOnlyList<Diagnostic>> s_diagnostics = new(Compile);

    /// <summary>The samples of otp/README.md, in order.</summary>
    public static IReadOnlyList<ReadmeSample> All { get; } = Parse(File.ReadAllLines(SourceTree.RuntimeReadme));

    /// <summary>The errors and warnings the compiler reports in <paramref name="sample"/>'s lines, as <c>otp/README.md:line: error CSxxxx: message</c>.</summary>
    public static IReadOnlyList<string> Problems(ReadmeSample sample)
    {
        var last = sample.Line + sample.Code.Split('\n').Length - 1;
        return s_diagnostics.Value
            .Select(d => (Diagnostic: d, Line: d.Location.GetMappedLineSpan().StartLinePosition.Line + 1, Path: d.Location.GetMappedLineSpan().Path))
            .Where(d => d.Path == "otp/README.md" && d.Line >= sample.Line && d.Line <= last)
            .Select(d => $"otp/README.md:{d.Line}: {d.Diagnostic.Severity.ToString().ToLowerInvariant()} {d.Diagnostic.Id}: {d.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
    }

    /// <summary>Errors outside any sample (in the scope or the generated wrapper): a defect of this test, not of the README.</summary>
    public static IReadOnlyList<string> ProblemsOutsideSamples() =>
        s_diagnostics.Value
            .Where(d => d.Location.GetMappedLineSpan().Path != "otp/README.md")
            .Select(d => d.ToString())
            .ToArray();

    /// <summary>The <c>```csharp</c> blocks of a markdown text, with the section each is under and any opt-out.</summary>
    public static IReadOnlyList<ReadmeSample> Parse(string[] lines)
    {
        var samples = new List<ReadmeSample>();
        var section = "(top)";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                section = lines[i][3..].Trim();
            }

            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var optOut = i > 0 && OptOutMarker().Match(lines[i - 1]) is { Success: true } marker ? marker.Groups[1].Value.Trim() : null;
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            if (end < 0)
            {
                throw new InvalidOperationException($"otp/README.md:{i + 1}: the ```csharp block is never closed.");
            }

            samples.Add(new ReadmeSample(i + 2, section, string.Join('\n', lines[(i + 1)..end]), optOut));
            i = end;
        }

        return samples;
    }

    private static IReadOnlyList<Diagnostic> Compile()
    {
        var trees = new List<SyntaxTree>
        {
            OtpCompilation.Parse(ImplicitUsings, "ImplicitUsings.cs"),
            OtpCompilation.Parse(Scope, "Scope.cs"),
        };
        trees.AddRange(All.Where(s => s.OptOut is null).Select(s => OtpCompilation.Parse(Wrap(s), $"Sample{s.Line}.cs")));
        return OtpCompilation.Create("ReadmeSamples", [.. trees])
            .GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !s_tolerated.Contains(d.Id)))
            .ToArray();
    }

    // The sample's types go into its namespace as written; its statements into Run(). #line directives make every
    // diagnostic name the README line it is on.
    private static string Wrap(ReadmeSample sample)
    {
        var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(sample.Code, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var types = new StringBuilder();
        var statements = new StringBuilder();
        foreach (var member in unit.Members)
        {
            var target = member is GlobalStatementSyntax ? statements : types;
            var line = sample.Line + unit.SyntaxTree.GetLineSpan(member.FullSpan).StartLinePosition.Line;
            target.Append($"#line {line} \"otp/README.md\"\n").Append(member.ToFullString()).Append('\n');
        }

        return $$"""
            #nullable enable
            namespace ReadmeSamples.Line{{sample.Line}}
            {
            {{types}}
            #line hidden
                internal sealed class Sample : ReadmeSamples.Scope
                {
                    public async Task Run()
                    {
            {{statements}}
            #line hidden
                        await Task.CompletedTask;
                    }
                }
            }
            """;
    }

    [GeneratedRegex(@"^\s*<!--\s*not compiled:(.+)-->\s*$")]
    private static partial Regex OptOutMarker();
}
