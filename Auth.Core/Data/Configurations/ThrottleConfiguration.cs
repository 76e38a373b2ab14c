using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class ThrottleConfiguration : IEntityTypeConfiguration<Throttle>
{
    /// <summary>Keys fit SQL Server's 900-byte index key limit (400 nvarchar = 800 bytes); longer ones are hashed.</summary>
    public const int KeyMaxLength = 400;

    public void Configure(EntityTypeBuilder<Throttle> builder)
    {
        builder.ToTable("Throttles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(KeyMaxLength);
        builder.HasIndex(t => t.WindowEndsAt);
    }
}
