namespace Runtime.Tests.Surface;

/// <summary>One <c>```csharp</c> block of otp/README.md: where it is and what it says.</summary>
/// <param name="Line">The README line of the block's first line of code (after the fence).</param>
/// <param name="Section">The heading (<c>## ...</c>) the block is under.</param>
/// <param name="Code">The code.</param>
/// <param name="OptOut">Why the block is not compiled, from a <c>&lt;!-- not compiled: reason --&gt;</c> line just above its fence; else null.</param>
internal sealed record ReadmeSample(int Line, string Section, string Code, string? OptOut)
{
    public override string ToString() => $"line {Line} ({Section})";
}
