using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(m => m.Channel).HasMaxLength(8).IsUnicode(false);
        builder.Property(m => m.Type).HasMaxLength(32).IsUnicode(false);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.FromEmail).HasMaxLength(320);
        builder.Property(m => m.FromName).HasMaxLength(998);
        builder.Property(m => m.Subject).HasMaxLength(998);
        builder.Property(m => m.Status).HasMaxLength(16).IsUnicode(false);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64).IsUnicode(false);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.UserId).HasMaxLength(24).IsUnicode(false);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.To);
        builder.HasIndex(m => m.CreatedAt);
    }
}
