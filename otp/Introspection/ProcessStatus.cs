namespace Otp;

/// <summary>What a process is doing: the <c>status</c> item of Erlang's <c>process_info/2</c>, simplified.</summary>
public enum ProcessStatus
{
    /// <summary>Running or ready to run (Erlang's <c>running</c>/<c>runnable</c>).</summary>
    Running,

    /// <summary>Waiting in receive for a message (Erlang's <c>waiting</c>).</summary>
    Waiting,

    /// <summary>Exited; its pid stays valid but it does nothing more (Erlang's <c>process_info</c> returns <c>undefined</c>).</summary>
    Exited,
}
