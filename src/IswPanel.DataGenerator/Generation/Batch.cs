using IswPanel.Data.Audit;
using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// The rows made for one slice of the world (the reference data, a thousand ISWs, a thousand requests...), one list
/// per table, written together in foreign-key order by <see cref="Writing.BatchWriter"/>.
/// </summary>
internal sealed class Batch
{
    public List<AppRole> Roles { get; } = [];
    public List<AssessmentType> AssessmentTypes { get; } = [];
    public List<RubricCriterion> RubricCriteria { get; } = [];
    public List<Authority> Authorities { get; } = [];
    public List<AppUser> Users { get; } = [];
    public List<IdentityUserRole<Guid>> UserRoles { get; } = [];
    public List<StoredFile> StoredFiles { get; } = [];
    public List<PanelApplication> PanelApplications { get; } = [];
    public List<IswProfile> IswProfiles { get; } = [];
    public List<ComplianceDocument> ComplianceDocuments { get; } = [];
    public List<EmploymentRecord> EmploymentRecords { get; } = [];
    public List<Referee> Referees { get; } = [];
    public List<VettingRecord> VettingRecords { get; } = [];
    public List<RecordedWaiver> Waivers { get; } = [];
    public List<AssessmentRequest> Requests { get; } = [];
    public List<Offer> Offers { get; } = [];
    public List<Assignment> Assignments { get; } = [];
    public List<WorkLogEntry> WorkLogEntries { get; } = [];
    public List<ReportVersion> ReportVersions { get; } = [];
    public List<QaReview> QaReviews { get; } = [];
    public List<AssessmentFeedback> Feedback { get; } = [];
    public List<Shadower> Shadowers { get; } = [];
    public List<ShadowingNomination> Nominations { get; } = [];
    public List<ShadowedSession> ShadowedSessions { get; } = [];
    public List<RequestEvent> RequestEvents { get; } = [];
    public List<AuditEvent> AuditEvents { get; } = [];

    /// <summary>How many requests the batch holds (batches are cut by this).</summary>
    public int RequestCount => Requests.Count;

    private System.Collections.IList[] All =>
    [
        Roles, AssessmentTypes, RubricCriteria, Authorities, Users, UserRoles, StoredFiles, IswProfiles, PanelApplications, ComplianceDocuments,
        EmploymentRecords, Referees, VettingRecords, Waivers, Requests, Offers, Assignments, WorkLogEntries, ReportVersions,
        QaReviews, Feedback, Shadowers, Nominations, ShadowedSessions, RequestEvents, AuditEvents,
    ];

    /// <summary>Rows per table (owned rows not counted), for a dry run.</summary>
    public IEnumerable<(string Table, int Rows)> Counts()
    {
        string[] names =
        [
            "AspNetRoles", "AssessmentTypes", "RubricCriteria", "Authorities", "AspNetUsers", "AspNetUserRoles", "StoredFiles", "IswProfiles", "PanelApplications",
            "ComplianceDocuments", "EmploymentRecords", "Referees", "VettingRecords", "Waivers", "AssessmentRequests", "Offers", "Assignments",
            "WorkLogEntries", "ReportVersions", "QaReviews", "AssessmentFeedback", "Shadowers", "ShadowingNominations", "ShadowedSessions",
            "RequestEvents", "AuditEvents",
        ];
        var all = All;
        for (var i = 0; i < all.Length; i++) yield return (names[i], all[i].Count);
    }

    /// <summary>Where every list ends now, to undo a request that is tried and thrown away.</summary>
    public int[] Mark() => [.. All.Select(l => l.Count)];

    public void Rollback(int[] mark)
    {
        var all = All;
        for (var i = 0; i < all.Length; i++)
            while (all[i].Count > mark[i]) all[i].RemoveAt(all[i].Count - 1);
    }
}
