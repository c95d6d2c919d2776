using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Panel;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel.Jobs;

/// <summary>
/// A lapsed compliance document suspends matching automatically on the day it lapses (DOMAIN.md): the day after
/// its last valid day (<see cref="ComplianceDocument.ExpiresOn"/>). The reason goes into the member's history
/// (<see cref="IswProfile.Suspend"/>), and the member and the administrators are told. Reinstatement follows when an
/// administrator verifies the new evidence (<see cref="VerifyEvidence"/> → <see cref="IswProfile.ReinstateIfCompliant"/>).
/// <para>
/// Exactly once per lapse: effect key suspended:{profileId}:{documentId}:{expiresOn}. A member reinstated by an
/// administrator while that document is still lapsed is not suspended again for the same lapse; a renewed document
/// that lapses later (a new expiry date) suspends again.
/// </para>
/// </summary>
public static class SuspendMembersWithLapsedDocuments
{
    /// <summary>An active member and their earliest lapsed document.</summary>
    public sealed record Item(Guid ProfileId, Guid DocumentId, DateOnly ExpiresOn);

    /// <summary>Active members with a lapsed document: one query.</summary>
    public sealed record Due : IQuery<IReadOnlyList<Item>>;

    public sealed record Command(Guid ProfileId, Guid DocumentId, DateOnly ExpiresOn) : ICommand<Result<SweepOutcome>>;

    public static string Key(Guid profileId, Guid documentId, DateOnly expiresOn) => $"suspended:{profileId}:{documentId}:{expiresOn:yyyy-MM-dd}";

    public sealed class DueHandler(AppDbContext db, IClock clock) : IQueryHandler<Due, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Due query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var lapsed = await (
                from d in db.ComplianceDocuments.AsNoTracking()
                join p in db.IswProfiles on d.IswProfileId equals p.Id
                where p.Status == PanelMemberStatus.Active && d.ExpiresOn != null && d.ExpiresOn < today
                select new { ProfileId = p.Id, DocumentId = d.Id, ExpiresOn = d.ExpiresOn!.Value, d.Kind })
                .ToListAsync(cancellationToken);
            var due = lapsed.GroupBy(d => d.ProfileId)
                .Select(member => member.OrderBy(d => d.ExpiresOn).ThenBy(d => d.Kind).First())
                .Select(d => new Item(d.ProfileId, d.DocumentId, d.ExpiresOn))
                .ToList();
            return await Sent.WithoutDoneAsync(db, due, item => Key(item.ProfileId, item.DocumentId, item.ExpiresOn), cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock, Notifier notifier, IAuditLog audit) : ICommandHandler<Command, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var member = await db.IswProfiles.Include(p => p.Documents).SingleOrDefaultAsync(p => p.Id == command.ProfileId, cancellationToken);
            var document = member?.Documents.FirstOrDefault(d => d.Id == command.DocumentId);
            // Renewed, suspended or removed since the sweep looked: nothing to do.
            if (member is not { Status: PanelMemberStatus.Active } || document?.ExpiresOn is not { } expiresOn
                || expiresOn != command.ExpiresOn || expiresOn >= today)
                return SweepOutcome.NotDue;

            var key = Key(member.Id, document.Id, expiresOn);
            if (await db.EffectDoneAsync(key, cancellationToken)) return SweepOutcome.AlreadyDone;
            var now = clock.UtcNow;
            db.ClaimEffect(key, now);

            var lapsedOn = RequestWording.Date(expiresOn.AddDays(1));
            var reason = $"{document.Kind.DisplayName()} lapsed on {lapsedOn}.";
            member.Suspend(SuspensionCause.Compliance, reason, now, actor: null);
            audit.Add(AuditActions.MembershipChanged, "IswProfile", member.Id.ToString(), $"Suspended automatically: {reason}");

            await notifier.TellIswAsync(member.Id, NotificationCategories.Compliance,
                $"You are suspended from matching: your {DocumentWording.Phrase(document.Kind)} lapsed on {lapsedOn}. " +
                "Send us the renewed details; you return to matching once we have verified them.",
                DocumentWording.EvidencePath(document.Kind), cancellationToken);
            await notifier.TellAdministratorsAsync(NotificationCategories.Compliance,
                $"{member.FullName} is suspended from matching: their {DocumentWording.Phrase(document.Kind)} lapsed on {lapsedOn}.",
                $"/admin/panel/{member.Id}", cancellationToken);
            return SweepOutcome.Done;
        }
    }
}

/// <summary>Hangfire: hourly by default (Jobs:LapsedDocumentsCron), so a lapse suspends early on the day it happens.</summary>
public sealed class LapsedDocumentsJob(SweepRunner sweeps)
{
    public const string Id = "panel.suspend-lapsed-documents";

    public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
        sweeps.RunAsync(Id, new SuspendMembersWithLapsedDocuments.Due(),
            item => new SuspendMembersWithLapsedDocuments.Command(item.ProfileId, item.DocumentId, item.ExpiresOn), cancellationToken);
}

/// <summary>How messages name a member's documents and where the member renews them.</summary>
internal static class DocumentWording
{
    public static string Phrase(ComplianceDocumentKind kind) => kind switch
    {
        ComplianceDocumentKind.EnhancedDbs => "enhanced DBS check",
        ComplianceDocumentKind.IndemnityInsurance => "professional indemnity insurance",
        ComplianceDocumentKind.SocialWorkEnglandRegistration => "Social Work England registration",
        ComplianceDocumentKind.RightToWork => "right to work evidence",
        ComplianceDocumentKind.Qualification => "social work qualification evidence",
        _ => kind.DisplayName(),
    };

    public static string EvidencePath(ComplianceDocumentKind kind) => kind switch
    {
        ComplianceDocumentKind.EnhancedDbs => "/my-evidence/dbs",
        ComplianceDocumentKind.IndemnityInsurance => "/my-evidence/insurance",
        ComplianceDocumentKind.RightToWork => "/my-evidence/right-to-work",
        _ => "/my-evidence",
    };
}
