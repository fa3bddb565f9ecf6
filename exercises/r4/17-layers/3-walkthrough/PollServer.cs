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
    /// <summary>The name a poll's worker is registered under in <paramref name="names"/>.</summary>
    /// <param name="names">The registry of the poll service.</param>
    /// <param name="poll">The poll's name.</param>
    /// <returns>A via-name: the worker is found by the poll's name, whatever its pid is now.</returns>
    public static ServerName Name(Registry names, string poll) => ServerName.Via(names, (typeof(PollServer), poll));

    /// <summary>The child spec of a poll's worker: a permanent worker registered under <see cref="Name"/>, starting from <paramref name="opened"/>.</summary>
    /// <param name="names">The registry of the poll service.</param>
    /// <param name="poll">The poll's name.</param>
    /// <param name="opened">The poll it starts with, and starts again with after a crash.</param>
    /// <returns>The spec, for <c>DynamicSupervisor.StartChildAsync</c>.</returns>
    public static ChildSpec Spec(Registry names, string poll, Poll opened) => ChildSpec.For(() => new PollServer(opened), Name(names, poll));

    /// <summary>Casts a vote in the poll <paramref name="server"/> (a call: the answer is the outcome).</summary>
    /// <param name="node">The node the caller runs on.</param>
    /// <param name="server">The poll's worker: a pid or its name.</param>
    /// <param name="voter">Who votes.</param>
    /// <param name="option">Their choice.</param>
    /// <returns>What became of the vote.</returns>
    /// <exception cref="NoProcessException">No worker runs under that pid or name.</exception>
    public static Task<VoteOutcome> VoteAsync(Node node, ServerRef server, string voter, string option) =>
        GenServer.CallAsync<VoteOutcome>(node, server, new CastVote(voter, option));

    /// <summary>Closes the poll <paramref name="server"/>; returns once it is closed.</summary>
    /// <param name="node">The node the caller runs on.</param>
    /// <param name="server">The poll's worker: a pid or its name.</param>
    /// <exception cref="NoProcessException">No worker runs under that pid or name.</exception>
    public static Task CloseAsync(Node node, ServerRef server) => GenServer.CallAsync<Poll>(node, server, ClosePoll.Instance);

    /// <summary>The report of the poll <paramref name="server"/> (see <see cref="PollCore.Report"/>).</summary>
    /// <param name="node">The node the caller runs on.</param>
    /// <param name="server">The poll's worker: a pid or its name.</param>
    /// <returns>The report.</returns>
    /// <exception cref="NoProcessException">No worker runs under that pid or name.</exception>
    public static Task<string> ReportAsync(Node node, ServerRef server) => GenServer.CallAsync<string>(node, server, ReportPoll.Instance);

    /// <summary>Starts with the poll it was given.</summary>
    /// <returns>The poll as the state.</returns>
    protected override InitResult<Poll> Init() => Ok(poll);

    /// <summary>Votes, closes and reports through <see cref="PollCore"/>; any other request goes to the base, which stops the server with <c>(bad_call, request)</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The poll.</param>
    /// <returns>The reply and the poll after the request.</returns>
    protected override HandleResult<Poll> HandleCall(object request, From from, Poll state)
    {
        switch (request)
        {
            case CastVote:
                // Gap, step 3: ask the core, PollCore.Vote(state, vote.Voter, vote.Option) (match `case CastVote vote:`
                // to get the fields), and return Reply(outcome, the poll it returned): the caller gets the outcome, the
                // worker keeps the new poll. No rule of voting belongs here.
                throw new NotImplementedException("Step 3: implement PollServer.HandleCall for a vote (see README, step 3).");
            case ClosePoll:
                var closed = PollCore.Close(state);
                return Reply(closed, closed);
            case ReportPoll:
                return Reply(PollCore.Report(state), state);
            default:
                return base.HandleCall(request, from, state);
        }
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
