using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class MfaFactorConfiguration : IEntityTypeConfiguration<MfaFactor>
{
    public void Configure(EntityTypeBuilder<MfaFactor> builder)
    {
        builder.ToTable("MfaFactors");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(f => f.UserId).HasMaxLength(24).IsUnicode(false);
        builder.Property(f => f.Type).HasMaxLength(16).IsUnicode(false);
        builder.Property(f => f.ProtectedSecret).HasMaxLength(1024).IsUnicode(false);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        // Every sign-in asks "does this user have a confirmed factor?": a seek on the user's rows.
        builder.HasIndex(f => new { f.UserId, f.ConfirmedAt });
    }
}
