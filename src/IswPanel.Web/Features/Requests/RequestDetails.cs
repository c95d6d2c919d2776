using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Requests;

/// <summary>
/// One request with the child's details. Only its authority, the panel staff and the assigned ISW
/// can read it; anyone else gets NotFound (so it looks absent). Every read is audited.
/// <see cref="Query"/> is the API's body (and the body of a created request); <see cref="PageQuery"/> adds what
/// the request page shows: working days left, the risk explained, the history and what the reader may do.
/// </summary>
public static class RequestDetails
{
    public sealed record Query(Guid Id) : IQuery<Result<Details>>;

    public sealed record PageQuery(Guid Id) : IQuery<Result<Page>>;

    public sealed record Details(
        Guid Id,
        AssessmentRequestStatus Status,
        string AssessmentType,
        string AssessmentTypeName,
        ListRequests.AuthorityRef Authority,
        string CaseReference,
        string ChildInitials,
        IReadOnlyList<Party> Parties,
        bool ForCourt,
        string? CourtName,
        string? CourtCaseNumber,
        DateOnly FilingDeadline,
        string PostcodeDistrict,
        string? Language,
        bool InterpreterNeeded,
        IReadOnlyList<string> SpecialRequirements,
        int? BudgetHours,
        string? Notes,
        IReadOnlyList<Milestone> Milestones,
        bool AtRisk,
        int ShortfallWorkingDays,
        LetterRef? LetterOfInstruction,
        ListRequests.IswRef? AssignedIsw,
        DateTime CreatedAt,
        DateTime? SubmittedAt,
        bool Released = false,
        DateTime? ReleasedAt = null,
        int? WorkingDaysLate = null,
        decimal HoursUsed = 0m);

    /// <summary>A dated step planned back from the filing deadline at submission.</summary>
    public sealed record Milestone(string Name, DateOnly Due);

    public sealed record Party(string Role, string Initials);

    public sealed record LetterRef(Guid Id, string FileName);

    /// <summary>The request page.</summary>
    public sealed record Page(
        Details Request,
        IReadOnlyList<MilestoneRow> Milestones,
        string? RiskExplanation,
        ProposedIsw? Proposal,
        IReadOnlyList<HistoryItem>? History,
        Permissions Can);

    /// <summary>
    /// A milestone with the working days left until it (negative once overdue; null when not counted), or done: the
    /// request's status shows it was reached (allocated once assigned, the draft in QA, released once delivered).
    /// </summary>
    public sealed record MilestoneRow(string Name, DateOnly Due, int? WorkingDaysLeft, bool Done);

    /// <summary>Where the contract asks the commissioner to approve the assigned ISW: whether they have.</summary>
    public sealed record ProposedIsw(string Name, DateTime? ApprovedAt, string? ApprovedBy);

    public sealed record HistoryItem(DateTime At, string Actor, string What);

    /// <summary>What the reader may do here. Handlers check again; these only decide which buttons to show.</summary>
    public sealed record Permissions(bool Edit, bool Cancel, bool DecideOnIsw, bool FindIsw);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<Details>>
    {
        public async ValueTask<Result<Details>> Handle(Query query, CancellationToken cancellationToken)
        {
            var details = await ReadAsync(db, me, query.Id, cancellationToken);
            if (details is null) return Failure.NotFound;
            await audit.WriteAsync(AuditActions.RequestViewed, nameof(AssessmentRequest), details.Id.ToString(), cancellationToken: cancellationToken,
                subjectAuthorityId: details.Authority.Id);
            return details;
        }
    }

    public sealed class PageHandler(AppDbContext db, ICurrentUser me, IAuditLog audit, WorkingDayCalendar calendar, IClock clock)
        : IQueryHandler<PageQuery, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(PageQuery query, CancellationToken cancellationToken)
        {
            var details = await ReadAsync(db, me, query.Id, cancellationToken);
            if (details is null) return Failure.NotFound;
            await audit.WriteAsync(AuditActions.RequestViewed, nameof(AssessmentRequest), details.Id.ToString(), cancellationToken: cancellationToken,
                subjectAuthorityId: details.Authority.Id);

            var facts = await (
                from r in db.AssessmentRequests.AsNoTracking()
                where r.Id == details.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                select new { t.TypicalWeeks, a.Contract.CommissionerApprovesIsw }).SingleAsync(cancellationToken);

            var today = clock.Today;
            var counting = details.Status is not (AssessmentRequestStatus.Draft or AssessmentRequestStatus.Delivered
                or AssessmentRequestStatus.Closed or AssessmentRequestStatus.Cancelled);
            var milestones = details.Milestones
                .Select(m => Deadlines.MilestoneSchedule.IsReached(m.Name, details.Status)
                    ? new MilestoneRow(m.Name, m.Due, null, Done: true)
                    : new MilestoneRow(m.Name, m.Due, counting ? WorkingDaysLeft(today, m.Due) : null, Done: false))
                .ToList();
            var risk = details.AtRisk
                ? RequestWording.RiskExplanation(details.AssessmentTypeName, facts.TypicalWeeks, details.ShortfallWorkingDays)
                : null;

            var ownCommissioner = me.IsInRole(Roles.Commissioner) && me.AuthorityId == details.Authority.Id;
            ProposedIsw? proposal = null;
            if (facts.CommissionerApprovesIsw && details.AssignedIsw is { } isw)
            {
                proposal = await (
                    from x in db.Assignments.AsNoTracking()
                    where x.AssessmentRequestId == details.Id && x.IsActive
                    join u in db.Users on x.CommissionerApprovedByUserId equals u.Id into approvers
                    from u in approvers.DefaultIfEmpty()
                    select new ProposedIsw(isw.Name, x.CommissionerApprovedAt, u == null ? null : u.DisplayName))
                    .FirstOrDefaultAsync(cancellationToken);
            }

            // The history names other social workers (offers declined, with reasons): for the authority and the panel only.
            IReadOnlyList<HistoryItem>? history = null;
            if (!me.IsInRole(Roles.Isw) || me.IsPanelStaff())
            {
                history = await (
                    from e in db.RequestEvents.AsNoTracking()
                    where e.AssessmentRequestId == details.Id
                    join u in db.Users on e.ActorUserId equals u.Id into actors
                    from u in actors.DefaultIfEmpty()
                    orderby e.At descending, e.Id descending
                    select new HistoryItem(e.At, u == null ? "IswPanel" : u.DisplayName, e.What))
                    .ToListAsync(cancellationToken);
            }

            var can = new Permissions(
                Edit: ownCommissioner && details.Status == AssessmentRequestStatus.Draft,
                Cancel: (ownCommissioner || me.IsInRole(Roles.PanelAdmin)) && details.Status.CanCancel(),
                DecideOnIsw: ownCommissioner && details.Status == AssessmentRequestStatus.Assigned && proposal is { ApprovedAt: null },
                FindIsw: me.IsInRole(Roles.PanelAdmin) && details.Status is AssessmentRequestStatus.Submitted or AssessmentRequestStatus.Offered);

            return new Page(details, milestones, risk, proposal, history, can);
        }

        private int? WorkingDaysLeft(DateOnly today, DateOnly due)
        {
            if (!calendar.Covers(today) || !calendar.Covers(due)) return null;
            var left = calendar.WorkingDaysBetween(today, due);
            return due < today ? Math.Min(left, -1) : left;
        }
    }

    /// <summary>The request as the reader may see it, or null when it is not theirs to see.</summary>
    private static async Task<Details?> ReadAsync(AppDbContext db, ICurrentUser me, Guid id, CancellationToken cancellationToken)
    {
        var row = await (
            from r in db.AssessmentRequests.AsNoTracking().VisibleTo(me)
            where r.Id == id
            join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
            join a in db.Authorities on r.AuthorityId equals a.Id
            join i in db.IswProfiles on r.AssignedIswId equals i.Id into assigned
            from i in assigned.DefaultIfEmpty()
            join f in db.StoredFiles on r.LetterOfInstructionFileId equals f.Id into letters
            from f in letters.DefaultIfEmpty()
            select new
            {
                Request = r,
                TypeCode = t.Code,
                TypeName = t.Name,
                Authority = new ListRequests.AuthorityRef(a.Id, a.Name),
                Isw = i == null ? null : new ListRequests.IswRef(i.Id, i.FullName),
                Letter = f == null ? null : new LetterRef(f.Id, f.OriginalName),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null) return null;

        var request = row.Request;
        // Delivery state: released (and how late), and the hours that count (within budget or approved).
        var counted = await Work.CaseWork.CountedMinutesAsync(db, request.Id, cancellationToken);
        return Map(request, row.TypeCode, row.TypeName, row.Authority, row.Isw, row.Letter) with
        {
            Released = request.ReleasedReportVersionId is not null,
            ReleasedAt = request.ReleasedAt,
            WorkingDaysLate = request.WorkingDaysLate,
            HoursUsed = Work.CaseWork.DecimalHours(counted),
        };
    }

    private static Details Map(AssessmentRequest r, string typeCode, string typeName, ListRequests.AuthorityRef authority,
        ListRequests.IswRef? isw, LetterRef? letter) =>
        new(r.Id, r.Status, typeCode, typeName, authority, r.CaseReference, r.ChildInitials,
            [.. r.Parties.Select(p => new Party(p.Role, p.Initials))], r.ForCourt, r.CourtName, r.CourtCaseNumber, r.FilingDeadline,
            r.PostcodeDistrict, r.Language, r.InterpreterNeeded, [.. r.SpecialRequirements], r.BudgetHours, r.Notes,
            [.. r.Milestones.OrderBy(m => m.Due).Select(m => new Milestone(m.Name, m.Due))], r.AtRisk, r.ShortfallWorkingDays,
            letter, isw, r.CreatedAt, r.SubmittedAt);
}
