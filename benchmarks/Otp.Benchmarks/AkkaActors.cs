using Akka.Actor;
using Akka.Configuration;

namespace Otp.Benchmarks;

/// <summary>Akka.NET's side: a quiet actor system and the same four actors.</summary>
internal static class AkkaSetup
{
    private static readonly Config s_quiet = ConfigurationFactory.ParseString(
        "akka { loglevel = OFF, stdout-loglevel = OFF, log-dead-letters = off, log-dead-letters-during-shutdown = off }");

    public static ActorSystem NewSystem() => ActorSystem.Create("bench", s_quiet);
}

internal sealed class AkkaEcho : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message);
}

internal sealed class AkkaCounter : UntypedActor
{
    private Expect? _expect;
    private int _seen;

    protected override void OnReceive(object message)
    {
        if (message is Expect expect)
        {
            (_expect, _seen) = (expect, 0);
        }
        else if (++_seen == _expect!.Count)
        {
            _expect.Done.Signal();
        }
    }
}

internal sealed class AkkaIdle(Countdown started) : UntypedActor
{
    protected override void PreStart() => started.Signal();

    protected override void OnReceive(object message)
    {
    }
}

internal sealed class AkkaCrashy : UntypedActor
{
    protected override void PreStart() => RestartSignal.Started(Self);

    protected override void OnReceive(object message)
    {
        if (ReferenceEquals(message, Messages.Crash))
        {
            throw new InvalidOperationException("crash");
        }

        Sender.Tell(message);
    }
}

/// <summary>Supervises one <see cref="AkkaCrashy"/>, restarting it on every failure, without limit.</summary>
internal sealed class AkkaParent : UntypedActor
{
    private IActorRef _child = ActorRefs.Nobody;

    protected override void PreStart() => _child = Context.ActorOf(Props.Create<AkkaCrashy>());

    protected override void OnReceive(object message) => Sender.Tell(_child);

    protected override Akka.Actor.SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(-1, -1, _ => Directive.Restart, loggingEnabled: false);
}
