using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// The commissioner decides on hours logged beyond the budget: approved hours count (and are invoiced), refused
/// ones do not. Only a commissioner of the request's own authority decides; for anyone else the entry does not
/// exist. The decision is audited, recorded in the request's history, and the ISW is told.
/// <see cref="ForRequest"/> is what the request page shows about hours: used against the budget, and what waits.
/// </summary>
public static class DecideHours
{
    public sealed record ForRequest(Guid RequestId) : IQuery<Result<Summary>>;

    /// <param name="CanDecide">A commissioner of the request's authority.</param>
    /// <param name="IsAssignedIsw">The reader is the ISW on it (their case page has the log).</param>
    /// <param name="ReportReleased">The QA-approved report has been released, so the authority can download it.</param>
    public sealed record Summary(Guid RequestId, CaseWork.Hours Hours, IReadOnlyList<Waiting> Awaiting, bool CanDecide,
        bool IsAssignedIsw, bool ReportReleased, bool ShowHours);

    public sealed record Waiting(Guid EntryId, DateOnly Date, WorkKind Kind, int TotalMinutes, string? WhoSeen, string? Notes, string Isw);

    public sealed record Approve(Guid RequestId, Guid EntryId) : ICommand<Result<Decided>>;

    public sealed record Refuse : ICommand<Result<Decided>>
    {
        [BindNever]
        public Guid RequestId { get; init; }

        [BindNever]
        public Guid EntryId { get; init; }

        public string? Reason { get; init; }
    }

    public sealed record Decided(string Hours, string Isw);

    public sealed record LoadRefusal(Guid RequestId, Guid EntryId) : IQuery<Result<RefusalPage>>;

    public sealed record RefusalPage(Guid RequestId, string CaseReference, Waiting Entry, Refuse Form);

    public sealed class RefuseValidator : AbstractValidator<Refuse>
    {
        public RefuseValidator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Enter why you are refusing these hours")
                .MaximumLength(1000).WithMessage("The reason must be 1000 characters or fewer");
        }
    }

    public sealed class ForRequestHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<ForRequest, Result<Summary>>
    {
        public async ValueTask<Result<Summary>> Handle(ForRequest query, CancellationToken cancellationToken)
        {
            var request = await db.AssessmentRequests.AsNoTracking().VisibleTo(me).Where(r => r.Id == query.RequestId)
                .Select(r => new { r.Id, r.AuthorityId, r.BudgetHours, r.AssignedIswId, r.ReleasedReportVersionId })
                .SingleOrDefaultAsync(cancellationToken);
            if (request is null) return Failure.NotFound;

            var isw = me.IsInRole(Roles.Isw) && me.IswProfileId is { } iswId && request.AssignedIswId == iswId;
            var ownCommissioner = me.IsInRole(Roles.Commissioner) && me.AuthorityId == request.AuthorityId;
            var (_, hours) = await CaseWork.LogAsync(db, request.Id, request.BudgetHours, cancellationToken);
            var awaiting = ownCommissioner || me.IsPanelStaff() ? await AwaitingAsync(db, request.Id, null, cancellationToken) : [];
            return new Summary(request.Id, hours, awaiting, ownCommissioner, isw,
                request.ReleasedReportVersionId is not null && (ownCommissioner || me.IsInRole(Roles.PanelAdmin)),
                ShowHours: request.AssignedIswId is not null);
        }
    }

    public sealed class LoadRefusalHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<LoadRefusal, Result<RefusalPage>>
    {
        public async ValueTask<Result<RefusalPage>> Handle(LoadRefusal query, CancellationToken cancellationToken)
        {
            var request = await OwnRequests(db, me).AsNoTracking().Where(r => r.Id == query.RequestId)
                .Select(r => new { r.Id, r.CaseReference }).SingleOrDefaultAsync(cancellationToken);
            if (request is null) return Failure.NotFound;
            var entry = (await AwaitingAsync(db, request.Id, query.EntryId, cancellationToken)).SingleOrDefault();
            return entry is null
                ? Failure.NotFound
                : new RefusalPage(request.Id, request.CaseReference, entry, new Refuse { RequestId = request.Id, EntryId = entry.EntryId });
        }
    }

    public sealed class ApproveHandler(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit)
        : ICommandHandler<Approve, Result<Decided>>
    {
        public ValueTask<Result<Decided>> Handle(Approve command, CancellationToken cancellationToken) =>
            DecideAsync(db, me, clock, notifier, audit, command.RequestId, command.EntryId, approve: true, note: null, cancellationToken);
    }

    public sealed class RefuseHandler(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit)
        : ICommandHandler<Refuse, Result<Decided>>
    {
        public ValueTask<Result<Decided>> Handle(Refuse command, CancellationToken cancellationToken) =>
            DecideAsync(db, me, clock, notifier, audit, command.RequestId, command.EntryId, approve: false, command.Reason, cancellationToken);
    }

    private static async ValueTask<Result<Decided>> DecideAsync(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit,
        Guid requestId, Guid entryId, bool approve, string? note, CancellationToken cancellationToken)
    {
        if (me.UserId is not { } userId) return Failure.NotFound;
        var request = await OwnRequests(db, me).AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.Id, r.CaseReference, r.AssessmentTypeId }).SingleOrDefaultAsync(cancellationToken);
        if (request is null) return Failure.NotFound;
        var entry = await db.WorkLogEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.AssessmentRequestId == requestId, cancellationToken);
        if (entry is null) return Failure.NotFound;
        if (entry.Approval != HoursApproval.AwaitingApproval) return Failure.Invalid("", "These hours have already been decided.");

        var now = clock.UtcNow;
        if (approve) entry.Approve(userId, now);
        else entry.Refuse(userId, now, note);

        var facts = await (
            from t in db.AssessmentTypes.AsNoTracking()
            where t.Id == request.AssessmentTypeId
            from i in db.IswProfiles.AsNoTracking()
            where i.Id == entry.IswProfileId
            select new { Type = t.Name, Isw = i.FullName }).SingleAsync(cancellationToken);
        var hours = CaseWork.Duration(entry.TotalMinutes);
        var logged = RequestWording.Date(entry.Date);
        var verb = approve ? "approved" : "refused";
        db.RequestEvents.Add(RequestEvent.Record(requestId, now, userId,
            $"Hours beyond the budget {verb}: {hours} logged for {logged}." + (approve ? "" : $" Reason: {entry.ApprovalNote}")));
        await notifier.TellIswAsync(entry.IswProfileId, NotificationCategories.Assignments,
            $"The authority {verb} {hours} you logged for {logged} beyond the budget on {RequestWording.Name(facts.Type, request.CaseReference)}." +
            (approve ? " They now count." : $" Reason: {entry.ApprovalNote}"),
            $"/work/{requestId}", cancellationToken);
        audit.Add(approve ? AuditActions.HoursApproved : AuditActions.HoursRefused, nameof(WorkLogEntry), entry.Id.ToString(),
            $"{entry.TotalMinutes} minutes" + (approve ? "" : $"; {entry.ApprovalNote}"));
        return new Decided(hours, facts.Isw);
    }

    /// <summary>The requests of the commissioner's own authority; none for anyone else.</summary>
    private static IQueryable<AssessmentRequest> OwnRequests(AppDbContext db, ICurrentUser me) =>
        me.IsInRole(Roles.Commissioner) && me.AuthorityId is { } authorityId
            ? db.AssessmentRequests.VisibleTo(me).Where(r => r.AuthorityId == authorityId)
            : db.AssessmentRequests.Where(_ => false);

    private static async Task<IReadOnlyList<Waiting>> AwaitingAsync(AppDbContext db, Guid requestId, Guid? entryId, CancellationToken cancellationToken)
    {
        var rows = await (
            from e in db.WorkLogEntries.AsNoTracking()
            where e.AssessmentRequestId == requestId && e.Approval == HoursApproval.AwaitingApproval && (entryId == null || e.Id == entryId)
            join i in db.IswProfiles on e.IswProfileId equals i.Id
            orderby e.Date, e.LoggedAt
            select new { e.Id, e.Date, e.Kind, e.DurationMinutes, e.TravelMinutes, e.WhoSeen, e.Notes, i.FullName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new Waiting(x.Id, x.Date, x.Kind, x.DurationMinutes + x.TravelMinutes, x.WhoSeen, x.Notes, x.FullName))];
    }
}
