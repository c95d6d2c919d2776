using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class ShadowerConfiguration : IEntityTypeConfiguration<Shadower>
{
    public void Configure(EntityTypeBuilder<Shadower> builder)
    {
        builder.Property(s => s.FullName).HasMaxLength(Shadower.MaxNameLength);
        builder.Property(s => s.WorkEmail).HasMaxLength(Shadower.MaxEmailLength);
        builder.Property(s => s.SocialWorkEnglandNumber).HasMaxLength(20);
        builder.HasOne<Authority>().WithMany().HasForeignKey(s => s.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(s => s.ConfirmedApplicantProfileId).OnDelete(DeleteBehavior.SetNull);
        // One record per person per authority, found again by work email on a later nomination.
        builder.HasIndex(s => new { s.AuthorityId, s.WorkEmail }).IsUnique();
        builder.HasIndex(s => s.UserId).IsUnique();
        // Vetting looks applicants up by registration number.
        builder.HasIndex(s => s.SocialWorkEnglandNumber);
        builder.HasIndex(s => s.ConfirmedApplicantProfileId);
    }
}

internal sealed class ShadowingNominationConfiguration : IEntityTypeConfiguration<ShadowingNomination>
{
    public void Configure(EntityTypeBuilder<ShadowingNomination> builder)
    {
        builder.Property(n => n.HopesToLearn).HasMaxLength(ShadowingNomination.MaxHopesLength);
        builder.Property(n => n.DeclineReason).HasMaxLength(ShadowingNomination.MaxReasonLength);
        builder.HasOne<Shadower>().WithMany().HasForeignKey(n => n.ShadowerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Authority>().WithMany().HasForeignKey(n => n.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(n => n.AssessmentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(n => n.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IswProfile>().WithMany().HasForeignKey(n => n.IswProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.NominatedByUserId).OnDelete(DeleteBehavior.Restrict);
        // A practitioner is nominated once per assignment.
        builder.HasIndex(n => new { n.AssignmentId, n.ShadowerId }).IsUnique();
        builder.HasIndex(n => new { n.IswProfileId, n.Status });
        builder.HasIndex(n => n.ShadowerId);
        builder.HasIndex(n => n.AuthorityId);
    }
}

internal sealed class ShadowedSessionConfiguration : IEntityTypeConfiguration<ShadowedSession>
{
    public void Configure(EntityTypeBuilder<ShadowedSession> builder)
    {
        builder.Property(s => s.Reflection).HasMaxLength(ShadowedSession.MaxReflectionLength);
        builder.Property(s => s.IswComment).HasMaxLength(ShadowedSession.MaxCommentLength);
        builder.HasOne<ShadowingNomination>().WithMany().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Shadower>().WithMany().HasForeignKey(s => s.ShadowerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Authority>().WithMany().HasForeignKey(s => s.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentRequest>().WithMany().HasForeignKey(s => s.AssessmentRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkLogEntry>().WithMany().HasForeignKey(s => s.WorkLogEntryId).OnDelete(DeleteBehavior.Restrict);
        // The per-session cap: seats 1..cap, each taken once, so racing markings cannot both take the last seat.
        builder.HasIndex(s => new { s.WorkLogEntryId, s.Seat }).IsUnique();
        // A shadower attends a session once.
        builder.HasIndex(s => new { s.WorkLogEntryId, s.ShadowerId }).IsUnique();
        builder.HasIndex(s => new { s.ShadowerId, s.SessionDate });
        // Hours by month per authority.
        builder.HasIndex(s => new { s.AuthorityId, s.SessionDate });
        builder.HasIndex(s => s.NominationId);
    }
}

internal sealed class EvidencePlanConfiguration : IEntityTypeConfiguration<Domain.Insight.EvidencePlan>
{
    public void Configure(EntityTypeBuilder<Domain.Insight.EvidencePlan> builder)
    {
        builder.Property(p => p.Text).HasMaxLength(Domain.Insight.EvidencePlan.MaxTextLength);
        builder.HasOne<Authority>().WithMany().HasForeignKey(p => p.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.SavedByUserId).OnDelete(DeleteBehavior.Restrict);
        // One plan per authority per period.
        builder.HasIndex(p => new { p.AuthorityId, p.PeriodFrom, p.PeriodTo }).IsUnique();
    }
}
