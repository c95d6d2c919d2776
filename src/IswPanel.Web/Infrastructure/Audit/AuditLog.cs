using IswPanel.Data;
using IswPanel.Data.Audit;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Audit;

/// <summary>Writes the audit trail for the current user. Reads of children's details are audited too.</summary>
public interface IAuditLog
{
    /// <summary>Adds an event to the current unit of work (saved with the command's changes).</summary>
    /// <param name="subjectAuthorityId">The authority whose record (a request or its documents) was read or changed, so its
    /// commissioners can see who accessed it.</param>
    void Add(string action, string? entityType = null, string? entityId = null, string? detail = null, Guid? userId = null,
        Guid? subjectAuthorityId = null);

    /// <summary>Writes an event now, on a connection of its own: for reads and sign-ins, and for failures whose other changes are discarded.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "subjectAuthorityId was added after the token so that existing positional calls compile unchanged.")]
    Task WriteAsync(string action, string? entityType = null, string? entityId = null, string? detail = null,
        Guid? userId = null, CancellationToken cancellationToken = default, Guid? subjectAuthorityId = null);
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

    /// <summary>Authorization refused the caller (403).</summary>
    public const string AccessForbidden = "access.forbidden";
    /// <summary>A route naming a record answered 404: missing, or another tenant's.</summary>
    public const string AccessNotFound = "access.not-found";
    public const string OffersSent = "offers.sent";
    public const string OfferAccepted = "offer.accepted";
    public const string OfferDeclined = "offer.declined";
    /// <summary>An offer's window lapsed (the offer-expiry sweep: the actor is the system).</summary>
    public const string OfferExpired = "offer.expired";
    /// <summary>After a decline or lapse, the request was offered to the next candidate.</summary>
    public const string OfferCascaded = "offer.cascaded";
    public const string RequestReturnedToMatching = "request.returned-to-matching";
    /// <summary>A user was given a role (invitation, or an applicant's account).</summary>
    public const string RoleAssigned = "user.role-assigned";
    public const string AuditExported = "audit.exported";
    public const string AssessmentTypeUpdated = "assessment-type.updated";
    public const string RequestPurged = "request.purged";
    public const string WorkLogged = "work.logged";
    public const string HoursApproved = "work.hours-approved";
    public const string HoursRefused = "work.hours-refused";
    public const string ReportVersionSubmitted = "report.version-submitted";
    public const string ReportDownloaded = "report.downloaded";
    public const string RubricChanged = "qa.rubric-changed";
    public const string QaPolicyChanged = "qa.policy-changed";
    public const string ReportReturned = "qa.report-returned";
    public const string ReportApproved = "qa.report-approved";
    public const string ReportReleased = "qa.report-released";
    public const string FeedbackGiven = "request.feedback-given";
    public const string InvoiceDownloaded = "invoice.downloaded";
    public const string ShadowingSummaryViewed = "shadowing.summary-viewed";
    public const string ShadowingSummaryDownloaded = "shadowing.summary-downloaded";
    /// <summary>A commissioner recorded a shadower's last day at the authority.</summary>
    public const string ShadowerLeft = "shadowing.shadower-left";
    /// <summary>A panel administrator confirmed that an applicant is a recorded shadower (non-solicitation applies).</summary>
    public const string ShadowerLinkConfirmed = "panel.shadower-link-confirmed";
    /// <summary>A reminder about an application was not sent: the applicant is an authority's shadower under non-solicitation.</summary>
    public const string ChaseSkipped = "panel.chase-skipped";

    // Shadowing: every change, and every read of a page that shows a shadower's or a nomination's details.
    public const string ShadowerNominated = "shadowing.nominated";
    public const string NominationWithdrawn = "shadowing.nomination-withdrawn";
    public const string NominationAccepted = "shadowing.nomination-accepted";
    public const string NominationDeclined = "shadowing.nomination-declined";
    public const string ShadowingConsentRecorded = "shadowing.consent-recorded";
    public const string ShadowedSessionMarked = "shadowing.session-marked";
    public const string ShadowedSessionRemoved = "shadowing.session-removed";
    public const string ReflectionWritten = "shadowing.reflection-written";
    public const string ReflectionCommented = "shadowing.reflection-commented";
    public const string ShadowingViewed = "shadowing.viewed";
    public const string EvidencePlanSaved = "insight.plan-saved";
    public const string EvidencePackDownloaded = "insight.evidence-downloaded";
}

public sealed class AuditLog(AppDbContext db, DbContextOptions<AppDbContext> options, ICurrentUser user, IHttpContextAccessor http,
    TimeProvider clock) : IAuditLog
{
    public void Add(string action, string? entityType = null, string? entityId = null, string? detail = null, Guid? userId = null,
        Guid? subjectAuthorityId = null) =>
        db.AuditEvents.Add(Create(action, entityType, entityId, detail, userId, subjectAuthorityId));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "See IAuditLog.WriteAsync.")]
    public async Task WriteAsync(string action, string? entityType = null, string? entityId = null, string? detail = null,
        Guid? userId = null, CancellationToken cancellationToken = default, Guid? subjectAuthorityId = null)
    {
        // A separate context, so this never saves (or is rolled back with) the request's other pending changes.
        await using var separate = new AppDbContext(options);
        separate.AuditEvents.Add(Create(action, entityType, entityId, detail, userId, subjectAuthorityId));
        await separate.SaveChangesAsync(cancellationToken);
    }

    private AuditEvent Create(string action, string? entityType, string? entityId, string? detail, Guid? userId, Guid? subjectAuthorityId)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        return AuditEvent.Create(clock.GetUtcNow().UtcDateTime, action, userId ?? user.UserId, role, user.AuthorityId,
            entityType, entityId, detail, http.HttpContext?.Connection.RemoteIpAddress?.ToString(), subjectAuthorityId);
    }
}
