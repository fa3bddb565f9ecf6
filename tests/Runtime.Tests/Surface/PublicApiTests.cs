namespace Runtime.Tests.Surface;

/// <summary>
/// The runtime's public API is frozen: exercises of later releases are written against it. Any change to it (a type, a
/// member, a parameter's name, type, default value or nullability, a constraint) fails this test until the approved
/// listing is updated in the same commit, which puts the change in front of a reviewer.
/// </summary>
public sealed class PublicApiTests
{
    [Test]
    public void The_public_API_is_the_approved_one() =>
        Snapshot.Verify(PublicApi.Render(), "PublicApi");
}
