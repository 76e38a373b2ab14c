using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

/// <summary>
/// Every filter of the activity log pages newest first on (OccurredAt, Id): one index per filter, each ending in those
/// two columns, so a page is a seek and a short walk at any depth (ADR 0016).
/// </summary>
internal sealed class ActivityEventConfiguration : IEntityTypeConfiguration<ActivityEvent>
{
    public const int UserAgentMaxLength = 256;
    public const int IpMaxLength = 64;
    public const int DetailMaxLength = 1000;

    public void Configure(EntityTypeBuilder<ActivityEvent> builder)
    {
        builder.ToTable("Events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.Type).HasMaxLength(48).IsUnicode(false);
        builder.Property(e => e.ActorType).HasMaxLength(8).IsUnicode(false);
        builder.Property(e => e.ActorId).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.UserId).HasMaxLength(24).IsUnicode(false);
        builder.Property(e => e.Ip).HasMaxLength(IpMaxLength).IsUnicode(false);
        builder.Property(e => e.UserAgent).HasMaxLength(UserAgentMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(DetailMaxLength);
        builder.HasIndex(e => new { e.OccurredAt, e.Id });
        builder.HasIndex(e => new { e.UserId, e.OccurredAt, e.Id });
        builder.HasIndex(e => new { e.Type, e.OccurredAt, e.Id });
        builder.HasIndex(e => new { e.ActorId, e.OccurredAt, e.Id });
    }
}
