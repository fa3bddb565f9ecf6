namespace Grader.Authoring;

/// <summary>
/// The files of a new exercise, as <c>grader new</c> writes them: every part the kit's tests expect (README with its
/// steps, hints, one visible step fixture, three starter levels, the solution, a hidden suite), holding one
/// placeholder step that compiles, fails in every starter with a message naming its step, and passes in the solution.
/// The author replaces the placeholder, following docs/AUTHORING.md's checklist.
/// </summary>
internal sealed record ExerciseScaffold(string Release, string Id, string Project, string Title)
{
    /// <summary>The three help levels, in order.</summary>
    public static IReadOnlyList<string> Levels { get; } = ["1-make-it-pass", "2-guided", "3-walkthrough"];

    /// <summary>The exercise's folder, relative to the kit's root.</summary>
    public string Folder => $"exercises/{Release}/{Id}";

    /// <summary>The solution's folder, relative to the kit's root.</summary>
    public string SolutionFolder => $"solutions/{Release}/{Id}";

    /// <summary>Every project file to list in Exercises.sln, with the solution folder it goes in.</summary>
    public IEnumerable<(string Project, string SolutionFolder)> Projects =>
        Levels.Select(level => ($"{Folder}/{level}/{Project}.csproj", $"{Folder}/{level}"))
            .Append(($"{SolutionFolder}/{Project}.csproj", SolutionFolder));

    /// <summary>Every file to write, by path relative to the kit's root.</summary>
    public IReadOnlyDictionary<string, string> Files()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{Folder}/README.md"] = Readme(),
            [$"{Folder}/hints.md"] = Hints(),
            [$"{Folder}/tests/Step1_Replace_me.cs"] = VisibleTest(),
            [$"{Folder}/given/README.md"] = GivenReadme(),
            [$"{SolutionFolder}/{Project}.csproj"] = ProjectFile,
            [$"{SolutionFolder}/FirstStep.cs"] = Solution(),
            [$"grader/suites/{Id}/{Project}Suite.cs"] = HiddenSuite(),
        };
        foreach (var level in Levels)
        {
            files[$"{Folder}/{level}/{Project}.csproj"] = ProjectFile;
            files[$"{Folder}/{level}/FirstStep.cs"] = Starter();
        }

        return files;
    }

    private const string ProjectFile = "<Project Sdk=\"Microsoft.NET.Sdk\" />\n";

    private string Readme() => $$"""
        # {{Id[..2]}} · {{Title}}

        ## The idea
        TODO: the OTP idea this exercise teaches, and why OTP has it (what goes wrong without it).

        ## The Elixir shape
        ```elixir
        # TODO: the idea in a few lines of Elixir
        ```

        ## The C# shape
        | OTP / Elixir | this exercise |
        |---|---|
        | TODO | `FirstStep.Answer` |

        ## Steps
        Work in the level folder of your choice (`1-make-it-pass`, `2-guided`, `3-walkthrough`) and run `dotnet test` there.

        1. **Replace me** (`Step1_Replace_me`). TODO: the rule this step teaches, stated so that a test can break it.
           Tests: `Answer_is_forty_two`.

        ## Going further
        TODO: links and questions for learners who finish early.
        """ + "\n";

    private static string Hints() => """
        # Hints

        ## Step 1: Replace me
        1. TODO: the smallest nudge.
        2. TODO: a bigger one, naming the API to use.
        """ + "\n";

    private string VisibleTest() => $$"""
        using NUnit.Framework;

        namespace {{Project}}.Tests;

        /// <summary>Step 1: replace me (a placeholder from grader new: one rule of the README, one test that breaks with it).</summary>
        public sealed class Step1_Replace_me
        {
            [Test]
            public void Answer_is_forty_two()
            {
                Assert.That(FirstStep.Answer(), Is.EqualTo(42), "Step 1: FirstStep.Answer gives 42 (see README, step 1).");
            }
        }
        """ + "\n";

    private static string GivenReadme() => """
        Code handed to the learner complete (records, interfaces, exceptions: the exercise's contracts) lives here, once:
        it is compiled into every level and the solution. Delete this file once the folder holds code.
        """ + "\n";

    private string Starter() => $$"""
        using System;

        namespace {{Project}};

        /// <summary>A placeholder from grader new: replace it with the exercise's API, the same at every level and in the solution.</summary>
        public static class FirstStep
        {
            /// <summary>Step 1: the answer.</summary>
            public static int Answer() => throw new NotImplementedException("Step 1: implement FirstStep.Answer (see README, step 1).");
        }
        """ + "\n";

    private string Solution() => $$"""
        namespace {{Project}};

        /// <summary>A placeholder from grader new: replace it with the exercise's API, the same at every level and in the solution.</summary>
        /// <remarks>The solution is a teaching text: how it works goes in remarks like this one, which only the solution has.</remarks>
        public static class FirstStep
        {
            /// <summary>Step 1: the answer.</summary>
            public static int Answer() => 42;
        }
        """ + "\n";

    private string HiddenSuite() => $$"""
        using NUnit.Framework;

        namespace {{Project}}.Hidden;

        /// <summary>
        /// A placeholder from grader new: the hidden suite tests edge cases, faults and randomised inputs. Each test declares
        /// the README step it checks, here once for the whole fixture.
        /// </summary>
        [Property("Step", 1)]
        public sealed class {{Project}}Suite
        {
            [Test]
            public void Answer_is_forty_two()
            {
                Assert.That(FirstStep.Answer(), Is.EqualTo(42), "FirstStep.Answer gives 42 (see README, step 1).");
            }

            [Test]
            public void Answer_is_the_same_every_time()
            {
                Assert.That(FirstStep.Answer(), Is.EqualTo(FirstStep.Answer()), "FirstStep.Answer is a pure function (see README, step 1).");
            }
        }
        """ + "\n";
}
