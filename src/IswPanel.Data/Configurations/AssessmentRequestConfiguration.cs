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

        builder.HasOne<Authority>().WithMany().HasForeignKey(r => r.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentType>().WithMany().HasForeignKey(r => r.AssessmentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(r => r.AssignedIswId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);

        // The lists commissioners and administrators page through: tenant first, newest first.
        builder.HasIndex(r => new { r.AuthorityId, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => r.AssignedIswId);
    }
}
