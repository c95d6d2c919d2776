using IswPanel.Data.Identity;
using IswPanel.Domain.Panel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class IswProfileConfiguration : IEntityTypeConfiguration<IswProfile>
{
    public void Configure(EntityTypeBuilder<IswProfile> builder)
    {
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.SweNumber).HasMaxLength(16);
        builder.HasIndex(p => p.SweNumber).IsUnique();
        builder.Property(p => p.HomePostcodeDistrict).HasMaxLength(4);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<IswProfile>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Status);

        // Short lists kept with the profile (JSON on SQLite and SQL Server, arrays on PostgreSQL).
        builder.PrimitiveCollection(p => p.AssessmentTypeCodes);
        builder.PrimitiveCollection(p => p.Skills);
        builder.PrimitiveCollection(p => p.Languages);
        builder.PrimitiveCollection(p => p.RegionsCovered).ElementType().HasConversion<string>();

        builder.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.IswProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.EmploymentHistory).WithOne().HasForeignKey(e => e.IswProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplianceDocumentConfiguration : IEntityTypeConfiguration<ComplianceDocument>
{
    public void Configure(EntityTypeBuilder<ComplianceDocument> builder)
    {
        builder.Property(d => d.Reference).HasMaxLength(64);
        builder.HasIndex(d => new { d.Kind, d.ExpiresOn });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.VerifiedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmploymentRecordConfiguration : IEntityTypeConfiguration<EmploymentRecord>
{
    public void Configure(EntityTypeBuilder<EmploymentRecord> builder)
    {
        builder.Property(e => e.EmployerName).HasMaxLength(200);
        builder.Property(e => e.Role).HasMaxLength(200);
        builder.HasOne<Domain.Authorities.Authority>().WithMany().HasForeignKey(e => e.AuthorityId).OnDelete(DeleteBehavior.Restrict);
    }
}
