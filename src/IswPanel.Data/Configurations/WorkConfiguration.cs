using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class WorkLogEntryConfiguration : IEntityTypeConfiguration<WorkLogEntry>
{
    public void Configure(EntityTypeBuilder<WorkLogEntry> builder)
    {
        builder.Property(e => e.WhoSeen).HasMaxLength(200);
        builder.Property(e => e.Notes).HasMaxLength(1000);
        builder.Property(e => e.ApprovalNote).HasMaxLength(1000);
        builder.Property(e => e.MileageMiles).HasPrecision(7, 1);
        builder.Ignore(e => e.IsSession);
        builder.Ignore(e => e.TotalMinutes);
        builder.Ignore(e => e.Counts);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(e => e.AssessmentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(e => e.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(e => e.IswProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.AssessmentRequestId, e.Date });
        // Hours and earnings by month per ISW; invoices by month.
        builder.HasIndex(e => new { e.IswProfileId, e.Date });
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> builder)
    {
        builder.Property(v => v.NoteToReviewer).HasMaxLength(2000);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(v => v.AssessmentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(v => v.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(v => v.IswProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(v => v.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        // Two concurrent submissions cannot both become version N.
        builder.HasIndex(v => new { v.AssessmentRequestId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.Status, v.SubmittedAt });
        // The version ids of an ISW's reports without reading their rows (the QA score measures join on them).
        builder.HasIndex(v => new { v.IswProfileId, v.Id });
    }
}

internal sealed class QaReviewConfiguration : IEntityTypeConfiguration<QaReview>
{
    public void Configure(EntityTypeBuilder<QaReview> builder)
    {
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.Ignore(r => r.MeanScore);
        builder.OwnsMany(r => r.Scores, score =>
        {
            score.ToTable("QaReviewScores");
            score.WithOwner().HasForeignKey("QaReviewId");
            score.Property<int>("Id").ValueGeneratedOnAdd();
            score.HasKey("Id");
            score.Property(s => s.CriterionName).HasMaxLength(200);
            score.Property(s => s.Comment).HasMaxLength(2000);
            // A review's scores summed from the index alone (the ISW measures), not from rows carrying comments.
            score.HasIndex("QaReviewId", nameof(RubricScore.Score));
        });
        builder.HasOne<ReportVersion>().WithMany().HasForeignKey(r => r.ReportVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(r => r.AssessmentRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        // One decision per reviewer per version (a second reviewer is a different person).
        builder.HasIndex(r => new { r.ReportVersionId, r.ReviewerUserId }).IsUnique();
        builder.HasIndex(r => new { r.AssessmentRequestId, r.DecidedAt });
        builder.HasIndex(r => r.DecidedAt);
    }
}

internal sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(1000);
    }
}

internal sealed class AssessmentFeedbackConfiguration : IEntityTypeConfiguration<AssessmentFeedback>
{
    public void Configure(EntityTypeBuilder<AssessmentFeedback> builder)
    {
        builder.Property(f => f.Comment).HasMaxLength(2000);
        builder.Ignore(f => f.Mean);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(f => f.AssessmentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(f => f.IswProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.GivenByUserId).OnDelete(DeleteBehavior.Restrict);
        // One rating per request.
        builder.HasIndex(f => f.AssessmentRequestId).IsUnique();
        builder.HasIndex(f => f.IswProfileId);
    }
}
