using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> builder)
    {
        builder.ToTable("OneTimeTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(t => t.Purpose).HasMaxLength(32).IsUnicode(false);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(t => t.UserId).HasMaxLength(24).IsUnicode(false);
        builder.Property(t => t.Target).HasMaxLength(320);
        builder.Property(t => t.RedirectUrl).HasMaxLength(2048);
        builder.Property(t => t.Data).HasMaxLength(4096);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => new { t.Purpose, t.Target });
        builder.HasIndex(t => t.ExpiresAt);
    }
}
