using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(s => s.UserId).HasMaxLength(24).IsUnicode(false);
        builder.Property(s => s.UserAgent).HasMaxLength(1024);
        builder.Property(s => s.IpAddress).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Amr).HasMaxLength(64).IsUnicode(false);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.RevokedAt });
        // Housekeeping finds ended sessions by these, a batch at a time.
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasIndex(s => s.RevokedAt);
    }
}
