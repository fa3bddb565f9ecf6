using Proto;

namespace Otp.Benchmarks;

internal sealed class ProtoEcho : IActor
{
    public Task ReceiveAsync(IContext context)
    {
        if (context.Sender is not null)
        {
            context.Respond(context.Message!);
        }

        return Task.CompletedTask;
    }
}

internal sealed class ProtoCounter : IActor
{
    private Expect? _expect;
    private int _seen;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case Expect expect:
                (_expect, _seen) = (expect, 0);
                break;
            case string when ++_seen == _expect!.Count:
                _expect.Done.Signal();
                break;
        }

        return Task.CompletedTask;
    }
}

internal sealed class ProtoIdle(Countdown started) : IActor
{
    public Task ReceiveAsync(IContext context)
    {
        if (context.Message is Started)
        {
            started.Signal();
        }

        return Task.CompletedTask;
    }
}

internal sealed class ProtoCrashy : IActor
{
    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case Started:
                RestartSignal.Started(context.Self);
                break;
            case string s when ReferenceEquals(s, Messages.Crash):
                throw new InvalidOperationException("crash");
            case string when context.Sender is not null:
                context.Respond(context.Message!);
                break;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Supervises one <see cref="ProtoCrashy"/>, restarting it on every failure, without limit.</summary>
internal sealed class ProtoParent : IActor
{
    public static readonly Props WithRestartingChild = Props.FromProducer(() => new ProtoParent())
        .WithChildSupervisorStrategy(new OneForOneStrategy((_, _) => SupervisorDirective.Restart, int.MaxValue, null));

    private PID? _child;

    public Task ReceiveAsync(IContext context)
    {
        if (context.Message is Started)
        {
            _child = context.Spawn(Props.FromProducer(() => new ProtoCrashy()));
        }
        else if (context.Sender is not null)
        {
            context.Respond(_child!);
        }

        return Task.CompletedTask;
    }
}
