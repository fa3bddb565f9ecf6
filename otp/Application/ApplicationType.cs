namespace Otp;

/// <summary>What happens to the node when a started application stops on its own: OTP's application start type.</summary>
public enum ApplicationType
{
    /// <summary><c>temporary</c>: the stop is only reported (<see cref="Application.Exited"/>).</summary>
    Temporary,

    /// <summary><c>transient</c>: a stop with any reason but <c>normal</c> takes the node down (<c>shutdown</c>, a top supervisor that gave up, too); <c>normal</c> is only reported.</summary>
    Transient,

    /// <summary><c>permanent</c>: any stop takes the node down.</summary>
    Permanent,
}
