namespace Otp;

/// <summary>When a supervisor restarts a child that exited: the <c>restart</c> field of an OTP child spec.</summary>
public enum RestartType
{
    /// <summary><c>permanent</c>: always restarted.</summary>
    Permanent,

    /// <summary><c>transient</c>: restarted only after an abnormal exit (not <c>normal</c>, <c>shutdown</c> or <c>{shutdown, _}</c>).</summary>
    Transient,

    /// <summary><c>temporary</c>: never restarted; its spec is removed when it exits.</summary>
    Temporary,
}
