using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("SigningKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64).IsUnicode(false);
        builder.Property(k => k.Algorithm).HasMaxLength(16).IsUnicode(false);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4096).IsUnicode(false);
        builder.Property(k => k.PublicJwk).HasMaxLength(2048).IsUnicode(false);
    }
}
