using IswPanel.Data.Identity;
using IswPanel.Data.Idempotency;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.What).HasMaxLength(500);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(e => e.AssessmentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.AssessmentRequestId, e.At });
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.DeclineReason).HasMaxLength(1000);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(o => o.AssessmentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(o => o.IswProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.SentByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.AssessmentRequestId, o.Status });
        builder.HasIndex(o => new { o.IswProfileId, o.Status });
        // The expiry sweep: open offers whose window has passed.
        builder.HasIndex(o => new { o.Status, o.ExpiresAt });
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.EndReason).HasMaxLength(500);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(a => a.AssessmentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(a => a.IswProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offer>().WithMany().HasForeignKey(a => a.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.IswProfileId, a.IsActive });
        // A request's past assignments (the shortlist's "proposed and not approved"): the filtered unique index below
        // holds only the active one, so without this every such lookup read the whole table.
        builder.HasIndex(a => new { a.AssessmentRequestId, a.IswProfileId });
        // The unique index on the active assignment per request is provider-specific (a filtered index): see AppDbContext.
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Category).HasMaxLength(32);
        builder.Property(n => n.Text).HasMaxLength(500);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.Endpoint).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(300);
        builder.HasIndex(r => r.CreatedAt);
    }
}
