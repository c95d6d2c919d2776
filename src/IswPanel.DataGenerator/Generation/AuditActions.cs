namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// The audit actions the generated history uses, spelt as the application's <c>IswPanel.Web.Infrastructure.Audit.AuditActions</c>
/// spells them (the generator does not reference the web project; a test checks every value here is one of those).
/// </summary>
internal static class AuditActions
{
    public const string SignedIn = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string PasswordSet = "password.set";
    public const string UserInvited = "user.invited";
    public const string RoleAssigned = "user.role-assigned";
    public const string AuthorityCreated = "authority.created";
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
    public const string OffersSent = "offers.sent";
    public const string OfferAccepted = "offer.accepted";
    public const string OfferDeclined = "offer.declined";
    public const string OfferExpired = "offer.expired";
    public const string OfferCascaded = "offer.cascaded";
    public const string RequestReturnedToMatching = "request.returned-to-matching";
    public const string WorkLogged = "work.logged";
    public const string HoursApproved = "work.hours-approved";
    public const string HoursRefused = "work.hours-refused";
    public const string ReportVersionSubmitted = "report.version-submitted";
    public const string ReportDownloaded = "report.downloaded";
    public const string ReportReturned = "qa.report-returned";
    public const string ReportApproved = "qa.report-approved";
    public const string ReportReleased = "qa.report-released";
    public const string FeedbackGiven = "request.feedback-given";
    public const string ShadowerNominated = "shadowing.nominated";
    public const string NominationAccepted = "shadowing.nomination-accepted";
    public const string NominationDeclined = "shadowing.nomination-declined";
    public const string ShadowingConsentRecorded = "shadowing.consent-recorded";
    public const string ShadowedSessionMarked = "shadowing.session-marked";
    public const string ReflectionWritten = "shadowing.reflection-written";
    public const string ReflectionCommented = "shadowing.reflection-commented";

    /// <summary>Every action above, for the test that checks them against the application's list.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
    ];
}
