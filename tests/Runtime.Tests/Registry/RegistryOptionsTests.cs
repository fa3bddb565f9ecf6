using Otp;

namespace Runtime.Tests;

/// <summary>A registry's options are checked when it is made, as Elixir's <c>Registry.start_link/1</c> checks them.</summary>
public sealed class RegistryOptionsTests : RuntimeTest
{
    [Test]
    public void An_undefined_kind_of_keys_is_refused_naming_the_parameter_and_the_value()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Registry((RegistryKeys)7));

        Assert.That(thrown!.ParamName, Is.EqualTo("keys"), "the parameter is named");
        Assert.That(thrown.Message, Does.Contain("7"), "the value is named");
    }

    [Test]
    public void An_undefined_kind_of_keys_in_the_options_is_refused()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Registry(new RegistryOptions { Keys = (RegistryKeys)(-1) }));

        Assert.That(thrown!.ParamName, Is.EqualTo("options"), "the parameter is named");
        Assert.That(thrown.Message, Does.Contain("options.Keys").And.Contain("-1"), "the field and the value are named");
    }

    [Test]
    public void A_listener_that_is_neither_a_pid_nor_a_name_is_refused()
    {
        var thrown = Assert.Throws<ArgumentException>(() =>
            _ = new Registry(new RegistryOptions { Keys = RegistryKeys.Duplicate, Listeners = [Inbox.Self, default] }));

        Assert.That(thrown!.Message, Does.Contain("options.Listeners[1]"), "the faulty listener is named");
    }

    [Test]
    public void The_options_are_kept()
    {
        var registry = new Registry(new RegistryOptions { Keys = RegistryKeys.Duplicate });

        Assert.That(registry.Kind, Is.EqualTo(RegistryKeys.Duplicate));
    }
}
