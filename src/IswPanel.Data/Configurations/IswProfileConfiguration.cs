using IswPanel.Data.Identity;
using IswPanel.Domain.Documents;
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
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.InformationRequested).HasMaxLength(2000);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<IswProfile>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Status);
        builder.Property(p => p.LoadVersion).IsConcurrencyToken();

        // Short lists kept with the profile (JSON on SQLite and SQL Server, arrays on PostgreSQL).
        builder.PrimitiveCollection(p => p.AssessmentTypeCodes);
        builder.PrimitiveCollection(p => p.Skills);
        builder.PrimitiveCollection(p => p.Languages);
        builder.PrimitiveCollection(p => p.RegionsCovered).ElementType().HasConversion<string>();

        builder.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.IswProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.EmploymentHistory).WithOne().HasForeignKey(e => e.IswProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Referees).WithOne().HasForeignKey(r => r.IswProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.VettingRecords).WithOne().HasForeignKey(r => r.IswProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Waivers).WithOne().HasForeignKey(w => w.IswProfileId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(p => p.UnavailablePeriods, period =>
        {
            period.ToTable("IswUnavailablePeriods");
            period.WithOwner().HasForeignKey("IswProfileId");
            period.Property<int>("Id").ValueGeneratedOnAdd();
            period.HasKey("Id");
            period.Property(u => u.To);
            period.Property(u => u.Reason).HasMaxLength(200);
        });

        // The membership history: who changed the status, when and why. Rows are only ever added.
        builder.OwnsMany(p => p.History, history =>
        {
            history.ToTable("MembershipTransitions");
            history.WithOwner().HasForeignKey("IswProfileId");
            history.Property<int>("Id").ValueGeneratedOnAdd();
            history.HasKey("Id");
            history.Property(h => h.Reason).HasMaxLength(2000);
            history.HasIndex("IswProfileId", nameof(MembershipTransition.At));
        });
    }
}

internal sealed class ComplianceDocumentConfiguration : IEntityTypeConfiguration<ComplianceDocument>
{
    public void Configure(EntityTypeBuilder<ComplianceDocument> builder)
    {
        builder.Property(d => d.Reference).HasMaxLength(64);
        builder.HasIndex(d => new { d.Kind, d.ExpiresOn });
        builder.HasIndex(d => new { d.IswProfileId, d.Kind }).IsUnique();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.StoredFileId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class RefereeConfiguration : IEntityTypeConfiguration<Referee>
{
    public void Configure(EntityTypeBuilder<Referee> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.Organisation).HasMaxLength(200);
        builder.Property(r => r.Relationship).HasMaxLength(200);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReceivedRecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VettingRecordConfiguration : IEntityTypeConfiguration<VettingRecord>
{
    public void Configure(EntityTypeBuilder<VettingRecord> builder)
    {
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecordedWaiverConfiguration : IEntityTypeConfiguration<RecordedWaiver>
{
    public void Configure(EntityTypeBuilder<RecordedWaiver> builder)
    {
        builder.Property(w => w.GrantedBy).HasMaxLength(200);
        builder.Property(w => w.DocumentReference).HasMaxLength(100);
        builder.HasOne<Domain.Authorities.Authority>().WithMany().HasForeignKey(w => w.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(w => w.LetterFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(w => w.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectHireRequestConfiguration : IEntityTypeConfiguration<DirectHireRequest>
{
    public void Configure(EntityTypeBuilder<DirectHireRequest> builder)
    {
        builder.Property(d => d.Notes).HasMaxLength(2000);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(d => d.IswProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Authorities.Authority>().WithMany().HasForeignKey(d => d.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(d => d.SupplyPeriods, supply =>
        {
            supply.ToTable("DirectHireSupplyPeriods");
            supply.WithOwner().HasForeignKey("DirectHireRequestId");
            supply.Property<int>("Id").ValueGeneratedOnAdd();
            supply.HasKey("Id");
        });
    }
}

internal sealed class PanelApplicationConfiguration : IEntityTypeConfiguration<PanelApplication>
{
    public void Configure(EntityTypeBuilder<PanelApplication> builder)
    {
        builder.HasIndex(a => a.UserId).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(a => a.IswProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.OriginalName).HasMaxLength(120);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageKey).HasMaxLength(200);
        builder.HasIndex(f => f.StorageKey).IsUnique();
        builder.HasIndex(f => f.OwnerUserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
