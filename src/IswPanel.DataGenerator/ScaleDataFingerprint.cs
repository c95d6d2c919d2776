using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IswPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.DataGenerator;

/// <summary>
/// A digest of the generated content, read back through EF Core and written out in one invariant text form, so it is
/// the same on every provider: two databases generated with the same seed and sizes have the same digest, on SQLite,
/// PostgreSQL or SQL Server alike. Database-assigned numbers (identity columns of events and owned rows) are left
/// out; every other column that carries data is in.
/// </summary>
public sealed record ScaleDataFingerprint(string Digest, IReadOnlyDictionary<string, int> Rows)
{
    public static async Task<ScaleDataFingerprint> ComputeAsync(DatabaseProvider provider, string connectionString,
        CancellationToken cancellationToken = default)
    {
        await using var db = new AppDbContext(DbContextOptionsFactory.Build(provider, connectionString));
        return await ComputeAsync(db, cancellationToken);
    }

    public static async Task<ScaleDataFingerprint> ComputeAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        async Task Add<T>(string table, IQueryable<T> query, Func<T, object?[]> columns)
        {
            var rows = await query.ToListAsync(cancellationToken);
            tables[table] = [.. rows.Select(r => Line(columns(r)))];
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        await Add("AspNetRoles", db.Roles, r => [r.Id, r.Name, r.ConcurrencyStamp]);
        await Add("AspNetUsers", db.Users, u => [u.Id, u.Email, u.NormalizedEmail, u.DisplayName, u.AuthorityId, u.CreatedAt, u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp]);
        await Add("AspNetUserRoles", db.UserRoles, r => [r.UserId, r.RoleId]);
        await Add("AssessmentTypes", db.AssessmentTypes, t => [t.Id, t.Code, t.Name, t.TypicalWeeks, t.MinPqeYears, t.AllocateBefore, t.ReleaseBefore]);
        await Add("RubricCriteria", db.RubricCriteria, c => [c.Id, c.Name, c.DisplayOrder]);
        await Add("Authorities", db.Authorities, a => [a.Id, a.Name, a.OnsCode, a.Region, a.OfstedGrade, a.OfstedInspectionDate,
            a.Contract.NonSolicitationMonths, a.Contract.WaiversAllowed, a.Contract.CommissionerApprovesIsw, a.Contract.MaxShadowersPerSession]);
        await Add("IswProfiles", db.IswProfiles, p => [p.Id, p.UserId, p.FullName, p.Email, p.Phone, p.SweNumber, p.QualifiedOn, p.Background, p.Status,
            p.Suspension, p.Capacity, p.HomePostcodeDistrict, p.TravelRadiusMiles, p.HourlyRate, p.AssessmentTypeCodes, p.Skills, p.RegionsCovered,
            p.Languages, p.CreatedAt, p.LoadVersion, p.InformationRequested]);
        await Add("PanelApplications", db.PanelApplications, a => [a.Id, a.UserId, a.Answers, a.StartedAt, a.UpdatedAt, a.SubmittedAt, a.IswProfileId]);
        await Add("ComplianceDocuments", db.ComplianceDocuments, d => [d.Id, d.IswProfileId, d.Kind, d.Reference, d.IssuedOn, d.ExpiresOn, d.OnUpdateService,
            d.StatusCheckedOn, d.VerifiedAt, d.VerifiedByUserId]);
        await Add("EmploymentRecords", db.EmploymentRecords, e => [e.Id, e.IswProfileId, e.AuthorityId, e.EmployerName, e.Role, e.Kind, e.StartedOn, e.EndedOn]);
        await Add("Referees", db.Referees, r => [r.Id, r.IswProfileId, r.Name, r.Email, r.Organisation, r.EmploymentEndedOn, r.NamedAt, r.ReceivedOn]);
        await Add("VettingRecords", db.VettingRecords, r => [r.Id, r.IswProfileId, r.Check, r.RecordedByUserId, r.RecordedAt]);
        await Add("Waivers", db.Waivers, r => [r.Id, r.IswProfileId, r.AuthorityId, r.GrantedBy, r.GrantedOn, r.DocumentReference, r.RecordedAt]);
        await Add("StoredFiles", db.StoredFiles, f => [f.Id, f.UploadedByUserId, f.UploadedAt, f.OriginalName, f.Kind, f.Length, f.Sha256, f.StorageKey]);
        await Add("AssessmentRequests", db.AssessmentRequests, r => [r.Id, r.AuthorityId, r.AssessmentTypeId, r.CaseReference, r.ChildInitials, r.ForCourt,
            r.CourtName, r.CourtCaseNumber, r.FilingDeadline, r.PostcodeDistrict, r.Language, r.InterpreterNeeded, r.SpecialRequirements, r.BudgetHours,
            r.Notes, r.LetterOfInstructionFileId, r.Status, r.AssignedIswId, r.AtRisk, r.ShortfallWorkingDays, r.CreatedByUserId, r.CreatedAt,
            r.SubmittedAt, r.UpdatedAt, r.ReleasedAt, r.ReleasedReportVersionId, r.WorkingDaysLate, r.LateReason, r.ClosedAt, r.RetainUntil, r.Version]);
        await Add("Offers", db.Offers, o => [o.Id, o.AssessmentRequestId, o.IswProfileId, o.SentByUserId, o.SentAt, o.RespondWithinWorkingDays, o.ExpiresAt,
            o.Cascade, o.Status, o.RespondedAt, o.DeclineReason]);
        await Add("Assignments", db.Assignments, a => [a.Id, a.AssessmentRequestId, a.IswProfileId, a.OfferId, a.AcceptedAt, a.IsActive, a.EndedAt, a.EndReason,
            a.CommissionerApprovedAt, a.CommissionerApprovedByUserId, a.HourlyRate]);
        await Add("WorkLogEntries", db.WorkLogEntries, e => [e.Id, e.AssessmentRequestId, e.AssignmentId, e.Date, e.Kind, e.DurationMinutes, e.WhoSeen,
            e.TravelMinutes, e.MileageMiles, e.Notes, e.LoggedAt, e.Approval, e.ApprovalDecidedAt, e.ApprovalNote]);
        await Add("ReportVersions", db.ReportVersions, v => [v.Id, v.AssessmentRequestId, v.Number, v.StoredFileId, v.NoteToReviewer, v.SubmittedAt, v.Status,
            v.DecidedAt, v.ReleasedAt]);
        await Add("QaReviews", db.QaReviews, q => [q.Id, q.ReportVersionId, q.ReviewerUserId, q.Decision, q.Summary, q.DecidedAt, q.TurnaroundMinutes,
            q.TurnaroundWorkingDays]);
        await Add("AssessmentFeedback", db.AssessmentFeedback, f => [f.Id, f.AssessmentRequestId, f.IswProfileId, f.QualityRating, f.TimelinessRating,
            f.CommunicationRating, f.Comment, f.GivenAt]);
        await Add("Shadowers", db.Shadowers, s => [s.Id, s.AuthorityId, s.UserId, s.FullName, s.Role, s.WorkEmail, s.SocialWorkEnglandNumber, s.StaffSince]);
        await Add("ShadowingNominations", db.ShadowingNominations, n => [n.Id, n.ShadowerId, n.AssignmentId, n.Status, n.NominatedAt, n.DecidedAt, n.Consent,
            n.ConsentDate]);
        await Add("ShadowedSessions", db.ShadowedSessions, s => [s.Id, s.NominationId, s.WorkLogEntryId, s.Seat, s.Minutes, s.MarkedAt, s.Reflection,
            s.IswComment]);
        await Add("RequestEvents", db.RequestEvents, e => [e.AssessmentRequestId, e.At, e.ActorUserId, e.What]);
        await Add("AuditEvents", db.AuditEvents, e => [e.OccurredAt, e.Action, e.UserId, e.UserRole, e.AuthorityId, e.SubjectAuthorityId, e.EntityType,
            e.EntityId, e.Detail, e.IpAddress]);

        // Owned collections come with their owners (SQLite cannot translate a SelectMany over them).
        var profiles = await db.IswProfiles.ToListAsync(cancellationToken);
        tables["MembershipTransitions"] = [.. profiles.SelectMany(p => p.History.Select(h => Line([p.Id, h.From, h.To, h.At, h.ActorUserId, h.Reason])))];
        tables["IswUnavailablePeriods"] = [.. profiles.SelectMany(p => p.UnavailablePeriods.Select(u => Line([p.Id, u.From, u.To, u.Reason])))];
        var requests = await db.AssessmentRequests.ToListAsync(cancellationToken);
        tables["RequestMilestones"] = [.. requests.SelectMany(r => r.Milestones.Select(m => Line([r.Id, m.Name, m.Due])))];
        tables["RequestParties"] = [.. requests.SelectMany(r => r.Parties.Select(p => Line([r.Id, p.Role, p.Initials])))];
        var reviews = await db.QaReviews.ToListAsync(cancellationToken);
        tables["QaReviewScores"] = [.. reviews.SelectMany(q => q.Scores.Select(c => Line([q.Id, c.CriterionId, c.CriterionName, c.Score, c.Comment])))];

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (table, lines) in tables)
        {
            lines.Sort(StringComparer.Ordinal);
            hash.AppendData(Encoding.UTF8.GetBytes($"#{table}\n"));
            foreach (var line in lines) hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        }
        return new ScaleDataFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), tables.ToDictionary(t => t.Key, t => t.Value.Count));
    }

    private static string Line(object?[] values) => string.Join('|', values.Select(Format));

    private static string Format(object? value) => value switch
    {
        null => "-",
        Guid g => g.ToString("N"),
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(',', items.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };
}
