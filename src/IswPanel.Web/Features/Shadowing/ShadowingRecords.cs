using System.Globalization;
using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// What the shadowing use cases share: each reader's own nominations (anyone else's look absent), and the words the
/// pages use for states. An ISW sees the nominations on their own assignments, a commissioner their authority's,
/// a shadower their own; nobody else sees any.
/// </summary>
public static class ShadowingRecords
{
    /// <summary>Nominations on the signed-in ISW's assignments; none for anyone else.</summary>
    public static IQueryable<ShadowingNomination> OnMyAssignments(this IQueryable<ShadowingNomination> nominations, ICurrentUser me) =>
        me.IsInRole(Roles.Isw) && me.IswProfileId is { } iswId
            ? nominations.Where(n => n.IswProfileId == iswId)
            : nominations.Where(_ => false);

    /// <summary>The signed-in commissioner's authority's nominations; none for anyone else.</summary>
    public static IQueryable<ShadowingNomination> OfMyAuthority(this IQueryable<ShadowingNomination> nominations, ICurrentUser me) =>
        me.IsInRole(Roles.Commissioner) && me.AuthorityId is { } authorityId
            ? nominations.Where(n => n.AuthorityId == authorityId)
            : nominations.Where(_ => false);

    /// <summary>The shadower record of the signed-in Shadower account, or null.</summary>
    public static async Task<Shadower?> MeAsShadowerAsync(AppDbContext db, ICurrentUser me, CancellationToken cancellationToken)
    {
        if (!me.IsInRole(Roles.Shadower) || me.UserId is not { } userId) return null;
        return await db.Shadowers.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
    }

    /// <summary>The kinds of log entry that are sessions with the family (<see cref="WorkLogEntry.IsSession"/>, which is not mapped).</summary>
    public static readonly IReadOnlyList<WorkKind> SessionKinds = [WorkKind.HomeVisit, WorkKind.Observation, WorkKind.Interview, WorkKind.Virtual];

    public static string StatusName(this NominationStatus status) => status switch
    {
        NominationStatus.Nominated => "Waiting for the social worker",
        NominationStatus.Accepted => "Accepted",
        NominationStatus.Declined => "Declined",
        _ => "Withdrawn",
    };

    /// <summary>The GOV.UK tag colour for a status.</summary>
    public static string StatusTag(this NominationStatus status) => status switch
    {
        NominationStatus.Nominated => "govuk-tag--blue",
        NominationStatus.Accepted => "govuk-tag--green",
        NominationStatus.Declined => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string ConsentText(FamilyConsent consent, DateOnly? on) => consent switch
    {
        FamilyConsent.Given => $"Given on {Day(on)}",
        FamilyConsent.Refused => $"Refused on {Day(on)}",
        _ => "Not recorded yet",
    };

    public static string Day(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>What messages about a nomination name: the practitioner, the request (by case reference and type), the ISW, the authority.</summary>
public sealed record NominationFacts(string ShadowerName, Guid ShadowerUserId, string CaseReference, string AssessmentTypeName,
    string IswName, string AuthorityName)
{
    public static async Task<NominationFacts> ForAsync(AppDbContext db, ShadowingNomination nomination, CancellationToken cancellationToken)
    {
        var shadower = await db.Shadowers.AsNoTracking().Where(s => s.Id == nomination.ShadowerId)
            .Select(s => new { s.FullName, s.UserId }).SingleAsync(cancellationToken);
        var request = await (
            from r in db.AssessmentRequests.AsNoTracking()
            where r.Id == nomination.AssessmentRequestId
            join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
            join a in db.Authorities on r.AuthorityId equals a.Id
            select new { r.CaseReference, TypeName = t.Name, AuthorityName = a.Name }).SingleAsync(cancellationToken);
        var isw = await db.IswProfiles.AsNoTracking().Where(p => p.Id == nomination.IswProfileId).Select(p => p.FullName).SingleAsync(cancellationToken);
        return new NominationFacts(shadower.FullName, shadower.UserId, request.CaseReference, request.TypeName, isw, request.AuthorityName);
    }
}
