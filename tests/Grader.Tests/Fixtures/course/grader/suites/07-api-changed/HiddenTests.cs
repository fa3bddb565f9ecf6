using NUnit.Framework;

namespace ApiChanged.Hidden;

public class Adding
{
    [Test]
    public void Negative_numbers_add_up() => Assert.That(Calculator.Add(-4, 1), Is.EqualTo(-3));

    [Test]
    public void Subtracting_undoes_adding() => Assert.That(Calculator.Subtract(Calculator.Add(5, 2), 2), Is.EqualTo(5));
}
