using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Panel;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<AssessmentType> AssessmentTypes => Set<AssessmentType>();
    public DbSet<AssessmentRequest> AssessmentRequests => Set<AssessmentRequest>();
    public DbSet<IswProfile> IswProfiles => Set<IswProfile>();
    public DbSet<ComplianceDocument> ComplianceDocuments => Set<ComplianceDocument>();
    public DbSet<EmploymentRecord> EmploymentRecords => Set<EmploymentRecord>();
    public DbSet<Referee> Referees => Set<Referee>();
    public DbSet<VettingRecord> VettingRecords => Set<VettingRecord>();
    public DbSet<RecordedWaiver> Waivers => Set<RecordedWaiver>();
    public DbSet<DirectHireRequest> DirectHireRequests => Set<DirectHireRequest>();
    public DbSet<PanelApplication> PanelApplications => Set<PanelApplication>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<Domain.Offers.Offer> Offers => Set<Domain.Offers.Offer>();
    public DbSet<Domain.Offers.Assignment> Assignments => Set<Domain.Offers.Assignment>();
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();
    public DbSet<Jobs.JobEffect> JobEffects => Set<Jobs.JobEffect>();
    public DbSet<Outbox.OutboxEmail> OutboxEmails => Set<Outbox.OutboxEmail>();
    public DbSet<Outbox.NotificationPreference> NotificationPreferences => Set<Outbox.NotificationPreference>();
    public DbSet<Outbox.BankHolidayUpload> BankHolidayUploads => Set<Outbox.BankHolidayUpload>();

    public DbSet<Domain.Work.WorkLogEntry> WorkLogEntries => Set<Domain.Work.WorkLogEntry>();
    public DbSet<Domain.Work.ReportVersion> ReportVersions => Set<Domain.Work.ReportVersion>();
    public DbSet<Domain.Work.QaReview> QaReviews => Set<Domain.Work.QaReview>();
    public DbSet<Domain.Work.RubricCriterion> RubricCriteria => Set<Domain.Work.RubricCriterion>();
    public DbSet<Domain.Work.AssessmentFeedback> AssessmentFeedback => Set<Domain.Work.AssessmentFeedback>();

    public DbSet<Domain.Shadowing.Shadower> Shadowers => Set<Domain.Shadowing.Shadower>();
    public DbSet<Domain.Shadowing.ShadowingNomination> ShadowingNominations => Set<Domain.Shadowing.ShadowingNomination>();
    public DbSet<Domain.Shadowing.ShadowedSession> ShadowedSessions => Set<Domain.Shadowing.ShadowedSession>();
    public DbSet<Domain.Insight.EvidencePlan> EvidencePlans => Set<Domain.Insight.EvidencePlan>();

    public DbSet<Audit.AuditEvent> AuditEvents => Set<Audit.AuditEvent>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>ASP.NET Core data-protection keys, shared by every instance so cookies and tokens survive restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        Conventions.ApplyUtcDateTimes(builder);
        Conventions.ApplyClientGeneratedKeys(builder);

        // At most one active assignment per request, enforced by the database: a unique index over the
        // active rows only. Filtered-index syntax differs by provider, and each provider has its own migrations.
        var activeOnly = Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => "[IsActive] = 1",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "\"IsActive\"",
            _ => "\"IsActive\" = 1",
        };
        builder.Entity<Domain.Offers.Assignment>().HasIndex(a => a.AssessmentRequestId).IsUnique().HasFilter(activeOnly)
            .HasDatabaseName("IX_Assignments_OneActivePerRequest");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = DetectChangesOnceForTheSave();
        try
        {
            RefuseAuditChanges();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = DetectChangesOnceForTheSave();
        try
        {
            RefuseAuditChanges();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Looking at the audit entries and then saving would each scan every tracked entity for changes (a sweep's batch
    /// tracks hundreds): scan once here, and let neither scan again. Returns the setting to restore.
    /// </summary>
    private bool DetectChangesOnceForTheSave()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detect;
    }

    /// <summary>The audit trail is append-only: the application may insert rows, never change or remove them.
    /// (Database triggers and the permission scripts refuse it too, for anything that bypasses this context.)</summary>
    private void RefuseAuditChanges()
    {
        foreach (var entry in ChangeTracker.Entries<Audit.AuditEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new Audit.AuditTrailIsAppendOnlyException();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, and safe when members are reordered.
        configurationBuilder.Properties<AssessmentRequestStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PanelMemberStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EnglishRegion>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OfstedGrade>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SocialWorkBackground>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ComplianceDocumentKind>().HaveConversion<string>().HaveMaxLength(48);
        configurationBuilder.Properties<EmploymentKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SuspensionCause>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<VettingCheck>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FileKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Offers.OfferStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Outbox.EmailDelivery>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Work.WorkKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Domain.Work.HoursApproval>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Domain.Work.ReportVersionStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Work.QaDecision>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}
