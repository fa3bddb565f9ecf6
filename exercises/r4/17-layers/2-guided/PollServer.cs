using System;
using System.Threading.Tasks;
using Otp;

namespace Layers;

/// <summary>
/// A worker: one process per open poll, holding the poll as its state and handing every request to
/// <see cref="PollCore"/>. It is registered under <see cref="Name"/> and started under the tree's workers supervisor
/// with <see cref="Spec"/>.
/// </summary>
/// <param name="poll">The poll it starts with (and starts again with after a crash).</param>
public sealed class PollServer(Poll poll) : GenServer<Poll>
{
    // The poll the worker starts with.
    private readonly Poll _poll = poll;

    /// <summary>The name a poll's worker is registered under in <paramref name="names"/>.</summary>
    /// <param name="names">The registry of the poll service.</param>
    /// <param name="poll">The poll's name.</param>
    /// <returns>A via-name: the worker is found by the poll's name, whatever its pid is now.</returns>
    public static ServerName Name(Registry names, string poll)
    {
        // TODO Step 3: ServerName.Via(names, key), with a key no other entry of the registry can have: (typeof(PollServer), poll).
        throw new NotImplementedException("Step 3: implement PollServer.Name (see README, step 3).");
    }

    /// <summary>The child spec of a poll's worker: a permanent worker registered under <see cref="Name"/>, starting from <paramref name="opened"/>.</summary>
    /// <param name="names">The registry of the poll service.</param>
    /// <param name="poll">The poll's name.</param>
    /// <param name="opened">The poll it starts with, and starts again with after a crash.</param>
    /// <returns>The spec, for <c>DynamicSupervisor.StartChildAsync</c>.</returns>
    public static ChildSpec Spec(Registry names, string poll, Poll opened)
    {
        // TODO Step 4: ChildSpec.For(() => new PollServer(opened), Name(names, poll)): a new server at every (re)start,
        //              registered under the poll's name; ChildSpec.For makes it a permanent worker.
        throw new NotImplementedException("Step 4: implement PollServer.Spec (see README, step 4).");
    }

    /// <summary>Casts a vote in the poll <paramref name="server"/> (a call: the answer is the outcome).</summary>
    /// <param name="node">The node the caller runs on.</param>
    /// <param name="server">The poll's worker: a pid or its name.</param>
    /// <param name="voter">Who votes.</param>
    /// <param name="option">Their choice.</param>
    /// <returns>What became of the vote.</returns>
    /// <exception cref="NoProcessException">No worker runs under that pid or name.</exception>
    public static Task<VoteOutcome> VoteAsync(Node node, ServerRef server, string voter, string option)
    {
        // TODO Step 3: GenServer.CallAsync<VoteOutcome>(node, server, new CastVote(voter, option)).
        throw new NotImplementedException("Step 3: implement PollServer.VoteAsync (see README, step 3).");
    }

    /// <summary>Closes the poll <paramref name="server"/>; returns once it is closed.</summary>
    /// <param name="node">The node the caller runs on.</param>
    /// <param name="server">The poll's worker: a pid or its name.</param>
    /// <exception cref="NoProcessException">No worker runs under that pid or name.</exception>
    public static Task CloseAsync(Node node, ServerRef server)
    {
        // TODO Step 3: a call with ClosePoll.Instance; the reply (say, the closed poll) only tells that it is done.
        throw new NotImplementedException("Step 3: implement PollServer.CloseAsync (see README, step 3).");
    }

    /// <summary>The report of the poll <paramref name="server"/> (see <see cref="PollCore.Report"/>).</summary>
    /// <param name="node">The node the caller runs on.</param>
    /// <param name="server">The poll's worker: a pid or its name.</param>
    /// <returns>The report.</returns>
    /// <exception cref="NoProcessException">No worker runs under that pid or name.</exception>
    public static Task<string> ReportAsync(Node node, ServerRef server)
    {
        // TODO Step 3: a call with ReportPoll.Instance, whose reply is the report.
        throw new NotImplementedException("Step 3: implement PollServer.ReportAsync (see README, step 3).");
    }

    /// <summary>Starts with the poll it was given.</summary>
    /// <returns>The poll as the state.</returns>
    protected override InitResult<Poll> Init()
    {
        // TODO Step 3: Ok(_poll): the worker's state is the data record itself.
        throw new NotImplementedException("Step 3: implement PollServer.Init (see README, step 3).");
    }

    /// <summary>Votes, closes and reports through <see cref="PollCore"/>; any other request goes to the base, which stops the server with <c>(bad_call, request)</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The poll.</param>
    /// <returns>The reply and the poll after the request.</returns>
    protected override HandleResult<Poll> HandleCall(object request, From from, Poll state)
    {
        // TODO Step 3: switch on the request; each case is a call into PollCore and a Reply(answer, next state):
        //              CastVote: PollCore.Vote, reply the outcome, keep the poll it returned;
        //              ClosePoll: PollCore.Close, keep (and reply) the closed poll;
        //              ReportPoll: reply PollCore.Report(state), keep the state;
        //              anything else: base.HandleCall(request, from, state), which stops with (bad_call, request).
        throw new NotImplementedException("Step 3: implement PollServer.HandleCall (see README, step 3).");
    }

    // The protocol, private to the worker: only the client functions above build these.
    private sealed record CastVote(string Voter, string Option);

    private sealed record ClosePoll
    {
        public static ClosePoll Instance { get; } = new();
    }

    private sealed record ReportPoll
    {
        public static ReportPoll Instance { get; } = new();
    }
}
