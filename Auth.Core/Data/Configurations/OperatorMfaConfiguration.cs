using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class OperatorMfaFactorConfiguration : IEntityTypeConfiguration<OperatorMfaFactor>
{
    public void Configure(EntityTypeBuilder<OperatorMfaFactor> builder)
    {
        builder.ToTable("OperatorMfaFactors");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(f => f.OperatorId).HasMaxLength(24).IsUnicode(false);
        builder.Property(f => f.ProtectedSecret).HasMaxLength(1024).IsUnicode(false);
        builder.HasOne<Operator>().WithMany().HasForeignKey(f => f.OperatorId).OnDelete(DeleteBehavior.Cascade);
        // Every operator sign-in (and, under the policy, every studio request) asks "has this operator a confirmed factor?".
        builder.HasIndex(f => new { f.OperatorId, f.ConfirmedAt });
    }
}

internal sealed class OperatorRecoveryCodeConfiguration : IEntityTypeConfiguration<OperatorRecoveryCode>
{
    public void Configure(EntityTypeBuilder<OperatorRecoveryCode> builder)
    {
        builder.ToTable("OperatorRecoveryCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.OperatorId).HasMaxLength(24).IsUnicode(false);
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsUnicode(false);
        builder.HasOne<Operator>().WithMany().HasForeignKey(c => c.OperatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OperatorId, c.CodeHash });
    }
}

internal sealed class OperatorPolicyConfiguration : IEntityTypeConfiguration<OperatorPolicy>
{
    public void Configure(EntityTypeBuilder<OperatorPolicy> builder)
    {
        builder.ToTable("OperatorPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        // The one row exists from the migration on, so changing the policy is a single conditional UPDATE.
        builder.HasData(new OperatorPolicy { Id = OperatorPolicy.SingletonId, RequireTotp = false, UpdatedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
