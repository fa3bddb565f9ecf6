using Grader.Course;

namespace Grader.Tests.Unit;

public class CourseManifestTests
{
    [Test]
    public void Releases_exercises_and_levels_are_read_in_course_order()
    {
        var manifest = CourseManifest.Parse("""
            { "title": "T", "levels": ["1-a", "2-b"],
              "releases": [ { "id": "r1", "title": "One", "exercises": [
                  { "id": "01-x", "title": "X", "project": "X" },
                  { "id": "02-y", "title": "Y", "project": "Y", "suite": "elsewhere/y" } ] } ] }
            """, "course.json");

        Assert.That(manifest.AllExercises.Select(x => x.Exercise.Id), Is.EqualTo(new[] { "01-x", "02-y" }));
        Assert.That(manifest.Levels, Is.EqualTo(new[] { "1-a", "2-b" }));
        Assert.That(manifest.Releases[0].Exercises[1].Suite, Is.EqualTo("elsewhere/y"));
    }

    [Test]
    public void Invalid_json_names_the_file_and_line()
    {
        var error = Assert.Throws<CourseException>(() => CourseManifest.Parse("{ \"releases\": [ ", "/kit/course.json"));
        Assert.That(error!.Message, Does.StartWith("/kit/course.json is not valid JSON"));
    }

    [Test]
    public void An_exercise_without_a_project_is_rejected_with_what_to_add()
    {
        var error = Assert.Throws<CourseException>(() => CourseManifest.Parse(
            """{ "releases": [ { "id": "r1", "exercises": [ { "id": "01-x" } ] } ] }""", "course.json"));
        Assert.That(error!.Message, Does.Contain("needs an \"id\" and a \"project\""));
    }

    [Test]
    public void Duplicate_exercise_ids_are_rejected()
    {
        var error = Assert.Throws<CourseException>(() => CourseManifest.Parse(
            """{ "releases": [ { "id": "r1", "exercises": [ { "id": "a", "project": "A" }, { "id": "a", "project": "B" } ] } ] }""", "course.json"));
        Assert.That(error!.Message, Does.Contain("exercise id a appears more than once"));
    }

    [Test]
    public void The_root_is_found_by_walking_up_to_course_json()
    {
        var nested = Path.Combine(Support.TestPaths.FixtureCourse, "exercises", "f1", "01-passes");
        Assert.That(CourseRoot.Find(nested, explicitRoot: null), Is.EqualTo(Support.TestPaths.FixtureCourse));
    }

    [Test]
    public void Without_course_json_above_the_message_says_to_use_root()
    {
        var empty = Support.TestPaths.NewTempDirectory();
        var error = Assert.Throws<CourseException>(() => CourseRoot.Find(empty, explicitRoot: null));
        Assert.That(error!.Message, Is.EqualTo($"no course.json found above {empty}: run the grader inside the kit, or pass --root <dir>."));
    }
}
