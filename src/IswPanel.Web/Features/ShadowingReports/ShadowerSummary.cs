using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>
/// One shadower's record for their ASYE portfolio: the sessions they attended (date, kind, minutes, the ISW), their
/// reflections and the ISW's comments, total sessions and time, time by month, and the assessment types seen, over
/// an optional period. Nothing comes from the case file: the assessment type is the only thing read from the request.
/// Readers: the shadower themself, commissioners of the shadower's authority, panel administrators; to anyone else
/// the shadower does not exist (404). Every read is audited, the PDF as a download.
/// </summary>
public static class ShadowerSummary
{
    public enum Use
    {
        Page,
        Pdf,
        Api,
    }

    public sealed record Query(Guid ShadowerId, string? From = null, string? To = null, Use For = Use.Page) : IQuery<Result<Summary>>;

    public sealed record Summary(
        Guid ShadowerId,
        string Name,
        ShadowerRole Role,
        Guid AuthorityId,
        string Authority,
        DateOnly StaffSince,
        DateOnly? LeftOn,
        ReportPeriod Period,
        IReadOnlyList<Month> ByMonth,
        IReadOnlyList<string> AssessmentTypes,
        IReadOnlyList<Session> Sessions,
        bool CanRecordLeaving)
    {
        public int SessionCount => Sessions.Count;
        public int Minutes => Sessions.Sum(s => s.Minutes);
        public string Time => ShadowingTime.Describe(Minutes);
    }

    /// <param name="Start">The first day of the month.</param>
    public sealed record Month(DateOnly Start, int Sessions, int Minutes);

    public sealed record Session(Guid Id, DateOnly Date, WorkKind Kind, int Minutes, string Isw, string AssessmentType, string? Reflection,
        string? IswComment);

    /// <summary>Whether <paramref name="me"/> may read the summary of a shadower of <paramref name="authorityId"/> with account <paramref name="userId"/>.</summary>
    public static bool MayRead(ICurrentUser me, Guid authorityId, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsInRole(Roles.PanelAdmin)
            || (me.IsInRole(Roles.Shadower) && me.UserId == userId)
            || (me.IsInRole(Roles.Commissioner) && me.AuthorityId == authorityId);
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<Summary>>
    {
        public async ValueTask<Result<Summary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var shadower = await (
                from s in db.Shadowers.AsNoTracking()
                where s.Id == query.ShadowerId
                join a in db.Authorities on s.AuthorityId equals a.Id
                select new { s.Id, s.UserId, s.FullName, s.Role, s.AuthorityId, Authority = a.Name, s.StaffSince, s.LeftOn })
                .SingleOrDefaultAsync(cancellationToken);
            if (shadower is null || !MayRead(me, shadower.AuthorityId, shadower.UserId)) return Failure.NotFound;

            var parsed = ReportPeriod.Parse(query.From, query.To);
            if (!parsed.IsSuccess) return new Failure(parsed.Status, parsed.Errors);
            var period = parsed.Value;
            var (start, end) = (period.From, period.To);

            var sessions = await (
                from s in db.ShadowedSessions.AsNoTracking()
                where s.ShadowerId == shadower.Id && (start == null || s.SessionDate >= start) && (end == null || s.SessionDate <= end)
                join entry in db.WorkLogEntries on s.WorkLogEntryId equals entry.Id
                join request in db.AssessmentRequests on s.AssessmentRequestId equals request.Id
                join type in db.AssessmentTypes on request.AssessmentTypeId equals type.Id
                join nomination in db.ShadowingNominations on s.NominationId equals nomination.Id
                join isw in db.IswProfiles on nomination.IswProfileId equals isw.Id
                orderby s.SessionDate, s.MarkedAt
                select new Session(s.Id, s.SessionDate, entry.Kind, s.Minutes, isw.FullName, type.Name, s.Reflection, s.IswComment))
                .ToListAsync(cancellationToken);

            var byMonth = sessions.GroupBy(s => ShadowingTime.MonthOf(s.Date)).OrderBy(g => g.Key)
                .Select(g => new Month(g.Key, g.Count(), g.Sum(s => s.Minutes))).ToList();
            var types = sessions.Select(s => s.AssessmentType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

            var (action, detail) = query.For switch
            {
                Use.Pdf => (AuditActions.ShadowingSummaryDownloaded, "PDF"),
                Use.Api => (AuditActions.ShadowingSummaryViewed, "API"),
                _ => (AuditActions.ShadowingSummaryViewed, "page"),
            };
            await audit.WriteAsync(action, nameof(Shadower), shadower.Id.ToString(),
                $"{detail}; period {Show(start)} to {Show(end)}", cancellationToken: cancellationToken, subjectAuthorityId: shadower.AuthorityId);

            return new Summary(shadower.Id, shadower.FullName, shadower.Role, shadower.AuthorityId, shadower.Authority, shadower.StaffSince,
                shadower.LeftOn, period, byMonth, types, sessions,
                CanRecordLeaving: me.IsInRole(Roles.Commissioner) && me.AuthorityId == shadower.AuthorityId);
        }

        private static string Show(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "any";
    }
}
