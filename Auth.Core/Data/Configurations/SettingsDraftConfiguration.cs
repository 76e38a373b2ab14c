using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class SettingsDraftConfiguration : IEntityTypeConfiguration<SettingsDraft>
{
    public void Configure(EntityTypeBuilder<SettingsDraft> builder)
    {
        builder.ToTable("SettingsDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Json);
        builder.Property(d => d.UpdatedBy).HasMaxLength(320);
        // Two operators saving at once: the second gets a conflict instead of silently winning.
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
