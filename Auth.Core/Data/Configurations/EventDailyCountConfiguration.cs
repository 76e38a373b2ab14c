using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

/// <summary>The key leads with the day, so the dashboard's 30 days are one range seek (ADR 0019).</summary>
internal sealed class EventDailyCountConfiguration : IEntityTypeConfiguration<EventDailyCount>
{
    public void Configure(EntityTypeBuilder<EventDailyCount> builder)
    {
        builder.ToTable("EventDailyCounts");
        builder.HasKey(c => new { c.Day, c.Type, c.Key });
        builder.Property(c => c.Type).HasMaxLength(48).IsUnicode(false);
        builder.Property(c => c.Key).HasMaxLength(48).IsUnicode(false);
    }
}
