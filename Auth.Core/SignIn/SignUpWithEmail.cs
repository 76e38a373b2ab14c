using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SignUpWithEmailCommand(
    string? Email, string? Password, string? Name, JsonObject? UserData, string? RedirectUrl, ClientInfo Client);

/// <summary>
/// signUpWithEmail: creates a local user. With confirmEmail on (the default) the user waits
/// unverified and no session is opened; otherwise the user is signed in at once.
/// </summary>
public sealed class SignUpWithEmail(
    IDbContextFactory<AuthDbContext> dbFactory,
    ISettingsReader settingsReader,
    LocalAccounts accounts,
    SessionService sessions,
    TokenMessages messages,
    TimeProvider time)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignUpWithEmailCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Email.Enabled) return new AuthError(AuthErrors.NotAllowed, "Sign-up with e-mail is disabled.");

        var problems = new Dictionary<string, string>();
        var email = EmailAddress.Normalize(command.Email);
        if (!email.IsSuccess) Merge(problems, email.Error);
        Merge(problems, accounts.CheckPolicy(command.Password));
        SignUpInput.CheckProfile(command.Name, command.UserData, problems);
        if (problems.Count > 0) return AuthError.Validation(problems);

        var confirm = settings.Email.ConfirmEmail;
        var redirect = SignUpInput.ResolveRedirect(settings, command.RedirectUrl, required: confirm);
        if (!redirect.IsSuccess) return redirect.Error;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.Value.Normalized, ct)) return EmailTaken();

        var id = UserId.New(time);
        var user = new User
        {
            Id = id,
            Provider = User.LocalProvider,
            ProviderUserId = id,
            Email = email.Value.Display,
            NormalizedEmail = email.Value.Normalized,
            Name = SignUpInput.TrimName(command.Name),
            UserData = command.UserData?.ToJsonString(),
            PasswordHash = accounts.Hasher.Hash(command.Password!),
            SignUpAt = time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        var grant = confirm ? new AuthGrant(user, null, null) : sessions.Open(db, user, command.Client);

        try
        {
            // With confirmEmail on, the confirm_email message is saved with the user and its link, or not at all.
            var failed = await messages.CommitAsync(db, () => confirm
                ? messages.QueueLinkAsync(db, user, TokenPurposes.ConfirmEmail, MessageType.ConfirmEmail, user.Email, redirect.Value!, ct)
                : Task.FromResult<AuthError?>(null), ct);
            if (failed is not null) return failed;
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return EmailTaken();
        }

        return grant;
    }

    private static AuthError EmailTaken() => new(AuthErrors.EmailNotUnique, "A user with this e-mail address already exists.");

    internal static void Merge(Dictionary<string, string> problems, AuthError? error)
    {
        if (error?.Details?["fields"] is IReadOnlyDictionary<string, string> fields)
            foreach (var (key, value) in fields) problems[key] = value;
    }
}
