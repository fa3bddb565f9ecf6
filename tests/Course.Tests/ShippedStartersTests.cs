using Kit.Testing;

namespace Course.Tests;

/// <summary>
/// A learner who commits their work still gets a green <c>dotnet test tests</c>: the kit's tests run on the starters as
/// shipped, whatever the committed levels hold.
/// </summary>
public sealed class ShippedStartersTests
{
    [Test]
    public void A_copy_with_a_learners_committed_work_gets_the_shipped_starters_back_and_says_what_differed()
    {
        var copy = CommittedCourse.NewCopy();
        try
        {
            var level = Path.Combine(copy, "exercises", "r1", "04-gen-server", "1-make-it-pass");
            var edited = Directory.GetFiles(level, "*.cs").Order(StringComparer.Ordinal).First();
            var shipped = File.ReadAllText(edited);
            File.WriteAllText(edited, "// a learner's half-written code\n");
            File.WriteAllText(Path.Combine(level, "Scratch.cs"), "class Scratch {}\n");
            var tests = Path.Combine(copy, "exercises", "r1", "04-gen-server", "tests");
            var removed = Directory.GetFiles(tests, "*.cs").Order(StringComparer.Ordinal).First();
            File.Delete(removed);

            var changed = CommittedCourse.RestoreShippedStarters(copy);

            var name = Path.GetFileName(edited);
            Assert.That(changed, Is.EquivalentTo(new[]
            {
                $"r1/04-gen-server/1-make-it-pass/{name} (changed)",
                "r1/04-gen-server/1-make-it-pass/Scratch.cs (not shipped)",
                $"r1/04-gen-server/tests/{Path.GetFileName(removed)} (missing)",
            }), "The three files the learner changed, added and deleted are reported, and nothing else.");
            Assert.That(File.ReadAllText(edited), Is.EqualTo(shipped), "The edited starter file holds the shipped content again.");
            Assert.That(Path.Combine(level, "Scratch.cs"), Does.Not.Exist, "A file the learner added to a level is not part of the kit's run.");
            Assert.That(removed, Does.Exist, "A visible test the learner deleted is back.");
            Assert.That(CommittedCourse.RestoreShippedStarters(copy), Is.Empty, "A second pass finds the copy already as shipped.");
        }
        finally
        {
            CommittedCourse.Delete(copy);
        }
    }
}
