namespace Grader.Reporting;

/// <summary>How statuses read on the console: the schema's words, with a colour.</summary>
internal static class StatusText
{
    /// <summary>The schema's word for a status: <c>passed</c>, <c>not-started</c>, <c>build-error</c>.</summary>
    public static string Word(ExerciseStatus status) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    /// <summary>The schema's word for a test status: <c>pass</c>, <c>timeout</c>.</summary>
    public static string Word(TestStatus status) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    /// <summary>The status as markup, for example <c>[green]passed[/]</c>.</summary>
    public static string Markup(ExerciseStatus status) => status switch
    {
        ExerciseStatus.Passed => "[green]passed[/]",
        ExerciseStatus.Failing => "[yellow]failing[/]",
        ExerciseStatus.NotStarted => "[grey]not started[/]",
        ExerciseStatus.BuildError => "[red]build error[/]",
        ExerciseStatus.Timeout => "[red]timeout[/]",
        ExerciseStatus.Crashed => "[red]crashed[/]",
        _ => status.ToString(),
    };

    /// <summary>The test status as markup.</summary>
    public static string Markup(TestStatus status) => status switch
    {
        TestStatus.Pass => "[green]pass[/]",
        TestStatus.Fail => "[yellow]fail[/]",
        TestStatus.Error => "[yellow]error[/]",
        TestStatus.Timeout => "[red]timeout[/]",
        TestStatus.Crash => "[red]crash[/]",
        TestStatus.Skipped => "[grey]skipped[/]",
        _ => status.ToString(),
    };
}
