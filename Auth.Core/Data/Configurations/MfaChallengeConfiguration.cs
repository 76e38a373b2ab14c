using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class MfaChallengeConfiguration : IEntityTypeConfiguration<MfaChallenge>
{
    public void Configure(EntityTypeBuilder<MfaChallenge> builder)
    {
        builder.ToTable("MfaChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.UserId).HasMaxLength(24).IsUnicode(false);
        builder.Property(c => c.TokenHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.FirstFactor).HasMaxLength(16).IsUnicode(false);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.TokenHash).IsUnique();
        // Housekeeping deletes expired challenges a batch at a time.
        builder.HasIndex(c => c.ExpiresAt);
    }
}
