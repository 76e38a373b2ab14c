using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class OperatorConfiguration : IEntityTypeConfiguration<Operator>
{
    public void Configure(EntityTypeBuilder<Operator> builder)
    {
        builder.ToTable("Operators");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(24).IsUnicode(false);
        builder.Property(o => o.Email).HasMaxLength(320);
        builder.Property(o => o.NormalizedEmail).HasMaxLength(320);
        builder.Property(o => o.PasswordHash).HasMaxLength(256).IsUnicode(false).IsRequired();
        // Stored by name; the database default makes the operators that predate roles Owners.
        builder.Property(o => o.Role).HasConversion<string>().HasMaxLength(16).IsUnicode(false).HasDefaultValue(OperatorRole.Owner);
        builder.Property(o => o.SecurityStamp).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(o => o.NormalizedEmail).IsUnique();
    }
}
