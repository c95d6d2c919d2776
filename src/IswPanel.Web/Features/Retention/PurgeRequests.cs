using System.Text.RegularExpressions;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Retention;

/// <summary>
/// Requests past their retention date, and their purge once an administrator confirms it. The purge removes the child's
/// and family's details from the request (<see cref="AssessmentRequest.Purge"/>), deletes the letter of instruction (its
/// stored content and its record), and scrubs the identifiers that were copied into notifications, emails, the request's
/// history and offers. The anonymised figures stay: the request row with its type, authority, dates, status, milestones and
/// budget hours, its offers and assignments. One audit row per purged request; audit rows themselves are never changed.
/// </summary>
public static class PurgeRequests
{
    public const string PagePath = "/admin/retention";

    /// <summary>Not purged, and the retention date is before today.</summary>
    internal static IQueryable<AssessmentRequest> PastRetention(AppDbContext db, DateOnly today) =>
        db.AssessmentRequests.Where(r => r.PurgedAt == null && r.RetainUntil != null && r.RetainUntil < today);

    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string CaseReference, string Authority, string AssessmentType, AssessmentRequestStatus Status,
        DateTime FinishedAt, DateOnly RetainUntil);

    /// <summary>The confirmation page for the chosen requests; Invalid when none is chosen or one is not due.</summary>
    public sealed record Confirm : IQuery<Result<IReadOnlyList<Item>>>
    {
        public IReadOnlyList<Guid> Ids { get; init; } = [];
    }

    public sealed record Command : ICommand<Result<int>>
    {
        public IReadOnlyList<Guid> Ids { get; init; } = [];
    }

    public const string NoneChosen = "Select the requests to purge.";
    public const string NotDue = "One or more of the requests chosen has not passed its retention date, or has been purged already. Choose again.";

    public sealed class ConfirmValidator : AbstractValidator<Confirm>
    {
        public ConfirmValidator() => RuleFor(c => c.Ids).NotEmpty().WithMessage(NoneChosen);
    }

    public sealed class CommandValidator : AbstractValidator<Command>
    {
        public CommandValidator() => RuleFor(c => c.Ids).NotEmpty().WithMessage(NoneChosen);
    }

    public sealed class Handler(AppDbContext db, IClock clock) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken) =>
            await ListAsync(db, PastRetention(db, clock.Today), cancellationToken);
    }

    public sealed class ConfirmHandler(AppDbContext db, IClock clock) : IQueryHandler<Confirm, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Confirm query, CancellationToken cancellationToken)
        {
            var ids = query.Ids.Distinct().ToList();
            var items = await ListAsync(db, PastRetention(db, clock.Today).Where(r => ids.Contains(r.Id)), cancellationToken);
            return items.Count == ids.Count ? Result<IReadOnlyList<Item>>.Ok(items) : Failure.Invalid(nameof(Confirm.Ids), NotDue);
        }
    }

    private static async Task<IReadOnlyList<Item>> ListAsync(AppDbContext db, IQueryable<AssessmentRequest> requests, CancellationToken cancellationToken) =>
        await (
            from r in requests.AsNoTracking()
            join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
            join a in db.Authorities on r.AuthorityId equals a.Id
            orderby r.RetainUntil, a.Name, r.CaseReference
            select new Item(r.Id, r.CaseReference, a.Name, t.Name, r.Status, r.UpdatedAt, r.RetainUntil!.Value))
            .ToListAsync(cancellationToken);

    public sealed class PurgeHandler(AppDbContext db, IClock clock, ICurrentUser me, IFileStore files, IAuditLog audit)
        : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var now = clock.UtcNow;
            var ids = command.Ids.Distinct().ToList();
            var requests = await PastRetention(db, today).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            if (requests.Count != ids.Count) return Failure.Invalid(nameof(Command.Ids), NotDue);

            foreach (var request in requests)
            {
                var letter = request.LetterOfInstructionFileId is { } fileId
                    ? await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken)
                    : null;
                var identifiers = Identifiers(request, letter?.OriginalName);
                request.Purge(me.UserId!.Value, today, now);

                var removedFiles = 0;
                if (letter is not null)
                {
                    // The bytes go first: if saving the purge then fails, the content is gone already (the safe side for
                    // children's data) and the purge can be confirmed again to remove the rest.
                    await files.DeleteAsync(letter.StorageKey, cancellationToken);
                    db.StoredFiles.Remove(letter);
                    removedFiles++;
                }

                await ScrubAsync(db, request.Id, identifiers, cancellationToken);
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, me.UserId,
                    "The child's details and documents were purged after the retention date."));
                audit.Add(AuditActions.RequestPurged, nameof(AssessmentRequest), request.Id.ToString(),
                    $"retained until {request.RetainUntil:yyyy-MM-dd}; child details and {removedFiles} stored file(s) removed",
                    subjectAuthorityId: request.AuthorityId);
            }

            return requests.Count;
        }
    }

    /// <summary>What identifies the child or family, as it may have been copied into other text. Longest first.</summary>
    internal static IReadOnlyList<string> Identifiers(AssessmentRequest request, string? letterName) =>
        [.. new[] { request.CaseReference, request.CourtCaseNumber, letterName, request.ChildInitials }
            .Concat(request.Parties.Select(p => p.Initials))
            .Where(s => !string.IsNullOrWhiteSpace(s) && s != AssessmentRequest.PurgedMarker)
            .Select(s => s!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(s => s.Length)];

    /// <summary>Replaces each identifier, as a whole word, with the purged marker.</summary>
    internal static string Scrub(string text, IReadOnlyList<string> identifiers)
    {
        foreach (var identifier in identifiers)
            text = Regex.Replace(text, $@"(?<![\w]){Regex.Escape(identifier)}(?![\w])", AssessmentRequest.PurgedMarker,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return text;
    }

    /// <summary>
    /// The places that copied the request's identifiers: its history, its offers' decline reasons, notifications
    /// that link to it or name it, and emails (sent or not) that name it.
    /// </summary>
    private static async Task ScrubAsync(AppDbContext db, Guid requestId, IReadOnlyList<string> identifiers, CancellationToken cancellationToken)
    {
        if (identifiers.Count == 0) return;

        foreach (var e in await db.RequestEvents.Where(e => e.AssessmentRequestId == requestId).ToListAsync(cancellationToken))
            SetIfChanged(db, e, nameof(RequestEvent.What), e.What, Scrub(e.What, identifiers));

        foreach (var offer in await db.Offers.Where(o => o.AssessmentRequestId == requestId && o.DeclineReason != null).ToListAsync(cancellationToken))
            SetIfChanged(db, offer, nameof(offer.DeclineReason), offer.DeclineReason!, Scrub(offer.DeclineReason!, identifiers));

        // Messages about the request (they link to it) lose every identifier; other messages lose those unique enough to
        // search for (case and court numbers, the letter's name), not bare initials that could be anyone's.
        var link = $"/requests/{requestId}";
        var searchable = identifiers.Where(i => i.Length >= 5).ToList();
        var notifications = new Dictionary<Guid, Domain.Notifications.Notification>();
        foreach (var n in await db.Notifications.Where(n => n.Link == link || n.Link.StartsWith(link + "/")).ToListAsync(cancellationToken))
            notifications[n.Id] = n;
        foreach (var s in searchable)
            foreach (var n in await db.Notifications.Where(n => n.Text.Contains(s)).ToListAsync(cancellationToken))
                notifications[n.Id] = n;
        foreach (var n in notifications.Values)
            SetIfChanged(db, n, nameof(n.Text), n.Text, Scrub(n.Text, AboutRequest(n.Link) ? identifiers : searchable));

        var emails = new Dictionary<Guid, Data.Outbox.OutboxEmail>();
        foreach (var m in await db.OutboxEmails.Where(m => m.Body.Contains(link)).ToListAsync(cancellationToken)) emails[m.Id] = m;
        foreach (var s in searchable)
            foreach (var m in await db.OutboxEmails.Where(m => m.Subject.Contains(s) || m.Body.Contains(s)).ToListAsync(cancellationToken))
                emails[m.Id] = m;
        foreach (var email in emails.Values)
        {
            var those = email.Body.Contains(link, StringComparison.Ordinal) ? identifiers : searchable;
            email.Subject = Scrub(email.Subject, those);
            email.Body = Scrub(email.Body, those);
        }

        bool AboutRequest(string target) => target == link || target.StartsWith(link + "/", StringComparison.Ordinal);
    }

    /// <summary>The entities keep their text private (they are records of what was said); the purge is the one exception.</summary>
    private static void SetIfChanged(AppDbContext db, object entity, string property, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal)) db.Entry(entity).Property(property).CurrentValue = after;
    }
}
