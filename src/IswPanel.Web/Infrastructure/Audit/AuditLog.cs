using IswPanel.Data;
using IswPanel.Data.Audit;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Audit;

/// <summary>Writes the audit trail for the current user. Reads of children's details are audited too.</summary>
public interface IAuditLog
{
    /// <summary>Adds an event to the current unit of work (saved with the command's changes).</summary>
    void Add(string action, string? entityType = null, string? entityId = null, string? detail = null, Guid? userId = null);

    /// <summary>Writes an event now, on a connection of its own: for reads and sign-ins, and for failures whose other changes are discarded.</summary>
    Task WriteAsync(string action, string? entityType = null, string? entityId = null, string? detail = null,
        Guid? userId = null, CancellationToken cancellationToken = default);
}

public static class AuditActions
{
    public const string SignedIn = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SignedOut = "sign-out";
    public const string TokenIssued = "api-token.issued";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string PasswordSet = "password.set";
    public const string PasswordChanged = "password.changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserInvited = "user.invited";
    public const string AuthorityCreated = "authority.created";
    public const string AuthorityUpdated = "authority.updated";
    public const string RequestViewed = "request.viewed";
    public const string RequestDraftSaved = "request.draft-saved";
    public const string RequestSubmitted = "request.submitted";
    public const string RequestCancelled = "request.cancelled";
    public const string ProposedIswApproved = "request.isw-approved";
    public const string ProposedIswDeclined = "request.isw-declined";
    public const string ApplicantAccountCreated = "application.account-created";
    public const string ApplicantEmailConfirmed = "application.email-confirmed";
    public const string ApplicationSubmitted = "application.submitted";
    public const string DocumentDownloaded = "document.downloaded";
    public const string EvidenceProvided = "evidence.provided";
    public const string RefereeNamed = "referee.named";
    public const string InformationProvided = "application.information-provided";
    public const string EvidenceVerified = "panel.evidence-verified";
    public const string VettingCheckRecorded = "panel.check-recorded";
    public const string MembershipChanged = "panel.membership-changed";
    public const string WaiverRecorded = "panel.waiver-recorded";
    public const string DirectHireRecorded = "panel.direct-hire-recorded";
    public const string ProfileChanged = "panel.profile-changed";
    public const string EmailRetried = "email.retried";
    public const string BankHolidaysUploaded = "calendar.bank-holidays-uploaded";
    public const string CalendarLinkCreated = "calendar.feed-link-created";
    public const string CalendarLinkReset = "calendar.feed-link-reset";
}

public sealed class AuditLog(AppDbContext db, DbContextOptions<AppDbContext> options, ICurrentUser user, IHttpContextAccessor http,
    TimeProvider clock) : IAuditLog
{
    public void Add(string action, string? entityType = null, string? entityId = null, string? detail = null, Guid? userId = null) =>
        db.AuditEvents.Add(Create(action, entityType, entityId, detail, userId));

    public async Task WriteAsync(string action, string? entityType = null, string? entityId = null, string? detail = null,
        Guid? userId = null, CancellationToken cancellationToken = default)
    {
        // A separate context, so this never saves (or is rolled back with) the request's other pending changes.
        await using var separate = new AppDbContext(options);
        separate.AuditEvents.Add(Create(action, entityType, entityId, detail, userId));
        await separate.SaveChangesAsync(cancellationToken);
    }

    private AuditEvent Create(string action, string? entityType, string? entityId, string? detail, Guid? userId)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        return AuditEvent.Create(clock.GetUtcNow().UtcDateTime, action, userId ?? user.UserId, role, user.AuthorityId,
            entityType, entityId, detail, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
    }
}
