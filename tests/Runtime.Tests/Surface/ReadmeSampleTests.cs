namespace Runtime.Tests.Surface;

/// <summary>
/// Every C# sample of otp/README.md compiles against the runtime as built (conventions: <see cref="ReadmeSamples"/>).
/// A failure names the README line and the compiler's message.
/// </summary>
public sealed class ReadmeSampleTests
{
    private static IEnumerable<TestCaseData> Samples() =>
        ReadmeSamples.All.Select(s => new TestCaseData(s.Line).SetName($"README sample at line {s.Line} ({s.Section}) compiles"));

    [TestCaseSource(nameof(Samples))]
    public void Sample_compiles(int line)
    {
        var sample = ReadmeSamples.All.Single(s => s.Line == line);
        if (sample.OptOut is not null)
        {
            Assert.That(sample.OptOut, Is.Not.Empty, $"otp/README.md:{line}: a sample opts out of compiling only with a reason");
            Assert.Ignore($"otp/README.md:{line} is not compiled: {sample.OptOut}");
        }

        var problems = ReadmeSamples.Problems(sample);
        Assert.That(problems, Is.Empty,
            $"The sample at otp/README.md:{line} (section {sample.Section}) should compile against the runtime; fix the sample " +
            $"(or the API, if the sample shows what it should be). The compiler says:\n{string.Join('\n', problems)}\n");
    }

    [Test]
    public void The_readme_has_samples_and_the_wrapper_around_them_compiles()
    {
        Assert.That(ReadmeSamples.All, Is.Not.Empty, "otp/README.md should have ```csharp samples");
        Assert.That(ReadmeSamples.ProblemsOutsideSamples(), Is.Empty,
            "the scope and the wrapper the samples are compiled in should compile (a defect of ReadmeSamples, not of the README)");
    }

    [Test]
    public void A_sample_opts_out_only_with_a_marker_just_above_its_fence()
    {
        string[] readme =
        [
            "## Section",
            "<!-- not compiled: shows a compiler error on purpose -->",
            "```csharp",
            "var x = ;",
            "```",
            "```csharp",
            "var y = 1;",
            "```",
        ];

        var samples = ReadmeSamples.Parse(readme);

        Assert.That(samples.Select(s => (s.Line, s.Section, s.OptOut)), Is.EqualTo(new[]
        {
            (4, "Section", (string?)"shows a compiler error on purpose"),
            (7, "Section", null),
        }), "the first block opts out with its reason, the second is compiled; lines are those of the code");
    }
}
