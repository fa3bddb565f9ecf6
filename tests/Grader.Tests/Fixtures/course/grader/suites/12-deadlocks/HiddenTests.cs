using NUnit.Framework;

namespace Deadlocks.Hidden;

public class Adding
{
    [Test]
    public void Negative_numbers_add_up() => Assert.That(Calculator.Add(-4, 1), Is.EqualTo(-3));
}
