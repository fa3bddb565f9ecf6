namespace Otp;

/// <summary>A call as it travels to the server: <c>{'$gen_call', From, Request}</c>.</summary>
internal sealed record CallMessage(object Request, From From);

/// <summary>A cast as it travels to the server: <c>{'$gen_cast', Request}</c>.</summary>
internal sealed record CastMessage(object Request);

/// <summary>A stop request (proc_lib's system terminate): terminate with <paramref name="Reason"/>, then exit.</summary>
internal sealed record StopMessage(object Reason);

/// <summary>The idle timer firing; <paramref name="Generation"/> tells a stale timer from the current one.</summary>
internal sealed record IdleTimeoutMessage(long Generation);

/// <summary>sys:get_state: reply with the current state, without running a callback.</summary>
internal sealed record SysGetState(From From);

/// <summary>sys:replace_state: run <paramref name="Replace"/> on the state in the server's process, keep and reply its result.</summary>
internal sealed record SysReplaceState(Func<object?, object?> Replace, From From);
