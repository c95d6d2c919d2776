using IswPanel.Domain.Authorities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IswPanel.Data.Configurations;

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.OnsCode).HasMaxLength(9);
        builder.HasIndex(a => a.OnsCode).IsUnique();
        builder.HasIndex(a => a.Name).IsUnique();
        builder.ComplexProperty(a => a.Contract, contract =>
        {
            contract.Property(c => c.NonSolicitationMonths).HasColumnName("NonSolicitationMonths");
            contract.Property(c => c.WaiversAllowed).HasColumnName("WaiversAllowed");
            contract.Property(c => c.CommissionerApprovesIsw).HasColumnName("CommissionerApprovesIsw");
            contract.Property(c => c.MaxShadowersPerSession).HasColumnName("MaxShadowersPerSession").HasDefaultValue(1);
        });
    }
}
