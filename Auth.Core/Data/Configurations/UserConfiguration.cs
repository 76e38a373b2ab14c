using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(24).IsUnicode(false);
        builder.Property(u => u.Provider).HasMaxLength(32).IsUnicode(false);
        builder.Property(u => u.ProviderUserId).HasMaxLength(256);
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(320);
        builder.Property(u => u.Phone).HasMaxLength(20).IsUnicode(false);
        builder.Property(u => u.Name).HasMaxLength(256);
        builder.Property(u => u.NormalizedName).HasMaxLength(256);
        builder.Property(u => u.ProfilePicture).HasMaxLength(2048);
        builder.Property(u => u.PasswordHash).HasMaxLength(256).IsUnicode(false);
        builder.Property(u => u.UserData).HasMaxLength(16384);

        // Uniqueness is decided on normalised values, never by a collation.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasIndex(u => u.Phone).IsUnique();
        builder.HasIndex(u => new { u.Provider, u.ProviderUserId }).IsUnique();
        // Keyset paging walks (SignUpAt, Id) backwards; name search walks (NormalizedName, Id) forwards (ADR 0011).
        builder.HasIndex(u => new { u.SignUpAt, u.Id });
        builder.HasIndex(u => new { u.NormalizedName, u.Id });
        // The hourly stuck-lockout seal (StuckLockoutSeal) seeks the few accounts with failures instead of walking them all.
        builder.HasIndex(u => u.FailedSignInCount);
        // Filtered listings (ADR 0022): each (disabled, e-mail verified, phone verified[, provider]) combination is an
        // equality prefix followed by the sign-up order, so a filter seeks and walks instead of scanning.
        builder.HasIndex(u => new { u.Disabled, u.EmailVerified, u.PhoneVerified, u.SignUpAt, u.Id });
        builder.HasIndex(u => new { u.Provider, u.Disabled, u.EmailVerified, u.PhoneVerified, u.SignUpAt, u.Id });
    }
}
