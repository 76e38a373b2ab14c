using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class SettingsRevisionConfiguration : IEntityTypeConfiguration<SettingsRevision>
{
    public void Configure(EntityTypeBuilder<SettingsRevision> builder)
    {
        builder.ToTable("SettingsRevisions");
        // Numbers are assigned by the publisher (max + 1) so they stay dense; the key rejects a racing duplicate.
        builder.HasKey(r => r.Number);
        builder.Property(r => r.Number).ValueGeneratedNever();
        builder.Property(r => r.PublishedBy).HasMaxLength(320);
        builder.Property(r => r.Note).HasMaxLength(1000);
    }
}
