using IswPanel.Data.Identity;
using IswPanel.Domain.Authorities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.CalendarFeedSecretHash).HasMaxLength(64);
        builder.HasOne<Authority>().WithMany().HasForeignKey(u => u.AuthorityId).OnDelete(DeleteBehavior.Restrict);
    }
}
