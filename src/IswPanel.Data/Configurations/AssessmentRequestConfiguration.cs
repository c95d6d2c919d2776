using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class AssessmentRequestConfiguration : IEntityTypeConfiguration<AssessmentRequest>
{
    public void Configure(EntityTypeBuilder<AssessmentRequest> builder)
    {
        builder.Property(r => r.CaseReference).HasMaxLength(64);
        builder.Property(r => r.ChildInitials).HasMaxLength(12);
        builder.Property(r => r.PostcodeDistrict).HasMaxLength(4);
        builder.Property(r => r.CourtCaseNumber).HasMaxLength(64);
        builder.Property(r => r.Language).HasMaxLength(64);
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.Property(r => r.LateReason).HasMaxLength(AssessmentRequest.MaxLateReasonLength);
        builder.Property(r => r.CourtName).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(r => r.SpecialRequirements);
        builder.HasOne<Domain.Documents.StoredFile>().WithMany().HasForeignKey(r => r.LetterOfInstructionFileId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(r => r.Parties, party =>
        {
            party.ToTable("RequestParties");
            party.WithOwner().HasForeignKey("AssessmentRequestId");
            party.Property<int>("Id").ValueGeneratedOnAdd();
            party.HasKey("Id");
            party.Property(p => p.Role).HasMaxLength(64);
            party.Property(p => p.Initials).HasMaxLength(12);
        });
        builder.OwnsMany(r => r.Milestones, milestone =>
        {
            milestone.ToTable("RequestMilestones");
            milestone.WithOwner().HasForeignKey("AssessmentRequestId");
            milestone.Property<int>("Id").ValueGeneratedOnAdd();
            milestone.HasKey("Id");
            milestone.Property(m => m.Name).HasMaxLength(64);
        });

        builder.HasOne<Authority>().WithMany().HasForeignKey(r => r.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentType>().WithMany().HasForeignKey(r => r.AssessmentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(r => r.AssignedIswId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);

        // The lists commissioners and administrators page through: tenant first, newest first.
        // Newest-first lists page by seeking (CreatedAt, Id): per authority, per status and across the panel. The
        // authority index also answers "this authority's request ids" without reading the table (the figures' joins).
        builder.HasIndex(r => new { r.AuthorityId, r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.Status, r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        // An ISW's work in hand and delivery record (the shortlist, the measures) read from this index alone: it carries
        // every column those counts test, so they never visit the table's rows.
        builder.HasIndex(r => new { r.AssignedIswId, r.Status, r.ReleasedAt, r.WorkingDaysLate, r.ReleasedReportVersionId })
            .HasDatabaseName("IX_AssessmentRequests_AssignedIswId_Delivery");
        builder.HasIndex(r => new { r.AuthorityId, r.CaseReference });
    }
}
