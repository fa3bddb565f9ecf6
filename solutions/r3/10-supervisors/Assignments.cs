using Otp;

namespace Supervisors;

/// <summary>
/// The day's assignments, three <see cref="Staffer"/>s with their names as ids, started in this order: "wire" (the news
/// wire, which must always run: permanent), "correction" (a correction that must be published: restarted after a crash,
/// done after a normal exit: transient) and "interview" (a live interview: if it fails, the moment has passed: temporary).
/// one_for_one, OTP's default intensity (1 restart in 5 seconds).
/// </summary>
/// <param name="log">Handed to every assignment.</param>
/// <remarks>
/// The restart type says what an exit means for the child. A permanent child is restarted after any exit, even a
/// normal one. A transient child is restarted only after an abnormal exit: <c>normal</c>, <c>shutdown</c> and
/// <c>{shutdown, _}</c> mean it is done, and it stays listed with no pid. A temporary child is never restarted, and its
/// spec is dropped from the supervisor as soon as it exits, for whatever reason.
/// </remarks>
public sealed class Assignments(IStaffLog log) : SupervisorBase
{
    /// <summary>The wire (permanent), the correction (transient) and the interview (temporary); one_for_one.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            Assignment("wire", RestartType.Permanent),
            Assignment("correction", RestartType.Transient),
            Assignment("interview", RestartType.Temporary),
        ]);

    private ChildSpec Assignment(string name, RestartType restart) =>
        ChildSpec.For(() => new Staffer(name, log)) with { Id = name, Restart = restart };
}
