using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.DemoData;

/// <summary>
/// Two of Northshire's junior practitioners: Leah Morgan (ASYE) shadows Amara Okonkwo (isw1) on NS-2026-0142, accepted,
/// with the family's consent and one session attended, reflected on and commented; Sam Patel (newly qualified) is
/// nominated on NS-2026-0161 and waits for Amara's decision. Their accounts are ready (password set), like every demo account.
/// </summary>
public sealed partial class DemoDataSeeder
{
    private async Task SeedShadowingAsync(Guid northshireId, Guid commissionerId)
    {
        var leahUser = await CreateUserAsync(DemoAccounts.NorthshireShadower1, "Leah Morgan", Roles.Shadower);
        var samUser = await CreateUserAsync(DemoAccounts.NorthshireShadower2, "Sam Patel", Roles.Shadower);

        // Leah on the parenting assessment in progress: nominated the day after Amara was assigned.
        var (inProgress, assignment) = await DemoAssignmentAsync("NS-2026-0142");
        var nominatedAt = assignment.AcceptedAt.AddDays(1);
        var leah = Shadower.Record(northshireId, leahUser.Id, "Leah Morgan", ShadowerRole.Asye, DemoAccounts.NorthshireShadower1, "SW301122",
            DateOnly.FromDateTime(nominatedAt), nominatedAt, commissionerId);
        var leahNomination = ShadowingNomination.Nominate(leah, northshireId, inProgress, assignment.Id, assignment.IswProfileId,
            "How an experienced assessor observes contact and turns what she sees into analysis for the court.", nominatedAt, commissionerId);
        leahNomination.Accept(nominatedAt.AddHours(20));
        var consentedOn = DateOnly.FromDateTime(nominatedAt.AddDays(1));
        leahNomination.RecordConsent(true, consentedOn, today, nominatedAt.AddDays(1));

        var session = await db.WorkLogEntries.AsNoTracking()
            .Where(e => e.AssignmentId == assignment.Id && e.Date >= consentedOn && e.Kind == WorkKind.Observation)
            .OrderBy(e => e.Date).ThenBy(e => e.LoggedAt).FirstAsync();
        var attended = ShadowedSession.Attend(leahNomination, leah.Role, session.Id, session.Date, session.DurationMinutes, session.IsSession, [],
            ShadowingCap.Default, At(session.Date, 19));
        attended.Reflect(leahNomination,
            "Watching contact from the side of the room showed me how much the child's play says about the relationship. " +
            "Amara noted specific moments rather than impressions, which I want to practise in my own recording.",
            At(session.Date.AddDays(1), 17));
        attended.Comment("Good observation: next time, note what the parent does when the child turns away, as well as when they come close.",
            At(session.Date.AddDays(2), 9));

        // Sam on the viability assessment just assigned to Amara: waiting for her decision.
        var (assigned, newAssignment) = await DemoAssignmentAsync("NS-2026-0161");
        var samNominatedAt = now.AddDays(-1);
        var sam = Shadower.Record(northshireId, samUser.Id, "Sam Patel", ShadowerRole.Nqsw, DemoAccounts.NorthshireShadower2, "SW298804",
            DateOnly.FromDateTime(samNominatedAt), samNominatedAt, commissionerId);
        var samNomination = ShadowingNomination.Nominate(sam, northshireId, assigned, newAssignment.Id, newAssignment.IswProfileId,
            "How a viability assessment is planned in four weeks, and how to talk with relatives about what the assessment involves.",
            samNominatedAt, commissionerId);

        db.Shadowers.AddRange(leah, sam);
        db.ShadowingNominations.AddRange(leahNomination, samNomination);
        db.ShadowedSessions.Add(attended);
        await db.SaveChangesAsync();
    }

    private async Task<(Guid RequestId, Domain.Offers.Assignment Assignment)> DemoAssignmentAsync(string caseReference)
    {
        var requestId = await db.AssessmentRequests.Where(r => r.CaseReference == caseReference).Select(r => r.Id).SingleAsync();
        var assignment = await db.Assignments.AsNoTracking().SingleAsync(a => a.AssessmentRequestId == requestId && a.IsActive);
        return (requestId, assignment);
    }
}
