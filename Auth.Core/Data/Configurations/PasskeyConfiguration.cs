using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Auth.Core.Data.Configurations;

internal sealed class PasskeyConfiguration : IEntityTypeConfiguration<Passkey>
{
    public void Configure(EntityTypeBuilder<Passkey> builder)
    {
        builder.ToTable("Passkeys");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(p => p.UserId).HasMaxLength(24).IsUnicode(false);
        builder.Property(p => p.CredentialId).HasMaxLength(Passkey.CredentialIdMaxBytes);
        builder.Property(p => p.PublicKey).HasMaxLength(2048);
        builder.Property(p => p.Transports).HasMaxLength(128).IsUnicode(false);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        // Sign-in finds the credential by its id; the unique index also refuses a credential registered twice.
        builder.HasIndex(p => p.CredentialId).IsUnique();
        // A user's list, and the allowCredentials of an e-mail sign-in.
        builder.HasIndex(p => new { p.UserId, p.CreatedAt });
    }
}

internal sealed class PasskeyChallengeConfiguration : IEntityTypeConfiguration<PasskeyChallenge>
{
    public void Configure(EntityTypeBuilder<PasskeyChallenge> builder)
    {
        builder.ToTable("PasskeyChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.ChallengeHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.Purpose).HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.UserId).HasMaxLength(24).IsUnicode(false);
        builder.Property(c => c.OptionsJson).HasMaxLength(8000);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ChallengeHash).IsUnique();
        // Housekeeping deletes expired challenges a batch at a time.
        builder.HasIndex(c => c.ExpiresAt);
    }
}
