namespace Otp;

/// <summary>start_child with a spec made from the supervisor's extra arguments (Elixir's <c>extra_arguments</c>).</summary>
internal sealed record StartChildWithExtraRequest(Func<object?, ChildSpec> Factory);
