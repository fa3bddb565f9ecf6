using System.Threading.Tasks;

namespace GenServers;

// The server's own protocol, in one place: the three kinds of message that travel through its one mailbox.
// The client's request is wrapped in an envelope that says how it came in, so the loop knows which callback to run,
// even when the same type is used for calls, casts and raw messages. Erlang does the same with tuples:
// a call arrives as {'$gen_call', From, Request}, a cast as {'$gen_cast', Request}, and anything else is info.

/// <summary>A message in a server's mailbox.</summary>
internal abstract record Envelope;

/// <summary>A call: the request, and where to send the reply (Erlang's <c>From</c>).</summary>
internal sealed record CallEnvelope<TCall, TReply>(TCall Request, TaskCompletionSource<TReply> ReplyTo) : Envelope;

/// <summary>A cast: only the request, because nobody waits for an answer.</summary>
internal sealed record CastEnvelope<TCast>(TCast Request) : Envelope;

/// <summary>Any other message, sent with <c>Send</c>: handled by <c>HandleInfo</c>.</summary>
internal sealed record InfoEnvelope(object Message) : Envelope;
