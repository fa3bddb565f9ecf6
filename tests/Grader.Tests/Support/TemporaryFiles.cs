using Grader.Tests.Support;

namespace Grader.Tests;

/// <summary>For every test in the assembly (it sits in the root namespace): removes the run's temporary folders (copies of the fixture, work folders) after the last test.</summary>
[SetUpFixture]
public sealed class TemporaryFiles
{
    [OneTimeTearDown]
    public void RemoveTheRunDirectory()
    {
        if (Directory.Exists(TestPaths.RunDirectory))
            Directory.Delete(TestPaths.RunDirectory, recursive: true);
    }
}
