namespace Otp;

/// <summary>The <c>type</c> field of an OTP child spec: it sets the default shutdown and shows in counts.</summary>
public enum ChildType
{
    /// <summary><c>worker</c>: default shutdown 5 seconds.</summary>
    Worker,

    /// <summary><c>supervisor</c>: default shutdown infinity, so it can stop its own children.</summary>
    Supervisor,
}
