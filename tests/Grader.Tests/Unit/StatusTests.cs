using Grader.Grading;
using Grader.Reporting;
using Grader.Running;

namespace Grader.Tests.Unit;

public class StatusTests
{
    private static TestReport Test(TestStatus status) => new() { Name = "F.T", Suite = TestSuite.Hidden, Status = status };

    [Test]
    public void All_tests_passing_is_passed_and_a_failure_is_failing()
    {
        Assert.That(ExerciseGrader.StatusOf(new TestRunOutcome([Test(TestStatus.Pass), Test(TestStatus.Skipped)], null)), Is.EqualTo(ExerciseStatus.Passed));
        Assert.That(ExerciseGrader.StatusOf(new TestRunOutcome([Test(TestStatus.Pass), Test(TestStatus.Error)], null)), Is.EqualTo(ExerciseStatus.Failing));
    }

    [Test]
    public void A_timeout_or_crash_is_named_even_when_other_tests_pass()
    {
        Assert.That(ExerciseGrader.StatusOf(new TestRunOutcome([Test(TestStatus.Pass), Test(TestStatus.Timeout)], null)), Is.EqualTo(ExerciseStatus.Timeout));
        Assert.That(ExerciseGrader.StatusOf(new TestRunOutcome([Test(TestStatus.Pass), Test(TestStatus.Crash)], null)), Is.EqualTo(ExerciseStatus.Crashed));
    }

    [Test]
    public void A_run_that_died_before_any_test_is_crashed_one_that_hung_is_a_timeout_and_no_tests_at_all_is_failing()
    {
        Assert.That(ExerciseGrader.StatusOf(new TestRunOutcome([], "the test process exited")), Is.EqualTo(ExerciseStatus.Crashed));
        Assert.That(ExerciseGrader.StatusOf(new TestRunOutcome([], null)), Is.EqualTo(ExerciseStatus.Failing));
        Assert.That(ExerciseGrader.StatusOf(new TestRunOutcome([], "stopped responding", ProblemWasTimeout: true)), Is.EqualTo(ExerciseStatus.Timeout));
    }

    [TestCase("Step1_A_mailbox", 1)]
    [TestCase("Step12_Twelve", 12)]
    [TestCase("Step3", 3)]
    [TestCase("Stepping_out", null)]
    [TestCase("Adding", null)]
    public void The_step_comes_from_the_fixture_name(string fixture, int? step)
    {
        Assert.That(TestProcessRunner.StepOf(fixture), Is.EqualTo(step));
    }

    [Test]
    public void A_crash_is_put_into_words()
    {
        Assert.That(CrashCause.Describe(0, "", 512), Is.EqualTo("the test process exited with code 0 (Environment.Exit?)"));
        Assert.That(CrashCause.Describe(134, "Stack overflow.\n   at X", 512), Does.StartWith("stack overflow"));
        Assert.That(CrashCause.Describe(134, "Unhandled exception. System.InvalidOperationException: boom\n   at X", 512),
            Is.EqualTo("an unhandled exception on another thread ended the test process: System.InvalidOperationException: boom"));
        Assert.That(CrashCause.Describe(134, "Unhandled exception. System.OutOfMemoryException: Exception of type", 512),
            Does.StartWith("ran out of memory (limit 512 MB)"));
        Assert.That(CrashCause.Describe(134, "Process terminated. Giving up\n   at X", 512),
            Is.EqualTo("the test process was terminated (Environment.FailFast?): Giving up"));
    }

    [Test]
    public void Control_characters_from_the_learners_code_are_made_visible()
    {
        Assert.That(TestProcessRunner.Printable("\u001b[2J\u001b[1Apassed\r\nnext\tline\r"), Is.EqualTo("\uFFFD[2J\uFFFD[1Apassed\nnext\tline\uFFFD"));
        Assert.That(TestProcessRunner.Printable("plain\ntext"), Is.EqualTo("plain\ntext"));
    }
}
