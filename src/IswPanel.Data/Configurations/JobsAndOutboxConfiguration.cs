using IswPanel.Data.Identity;
using IswPanel.Data.Jobs;
using IswPanel.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class JobEffectConfiguration : IEntityTypeConfiguration<JobEffect>
{
    public void Configure(EntityTypeBuilder<JobEffect> builder)
    {
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(200);
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.ToName).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.Category).HasMaxLength(32);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.SentAt, e.GaveUpAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Category });
        builder.Property(p => p.Category).HasMaxLength(32);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BankHolidayUploadConfiguration : IEntityTypeConfiguration<BankHolidayUpload>
{
    public void Configure(EntityTypeBuilder<BankHolidayUpload> builder)
    {
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.UploadedAt);
    }
}
