using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Messaging;
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
    IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader, LocalSignUp signUp, TokenMessages messages)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignUpWithEmailCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Email.Enabled) return new AuthError(AuthErrors.NotAllowed, "Sign-up with e-mail is disabled.");

        var email = EmailAddress.Normalize(command.Email);
        if (signUp.CheckInput(email.Error, command.Password, command.Name, command.UserData) is { } invalid) return invalid;
        var confirm = settings.Email.ConfirmEmail;
        var redirect = SignUpInput.ResolveRedirect(settings, command.RedirectUrl, required: confirm);
        if (!redirect.IsSuccess) return redirect.Error;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.Value.Normalized, ct);
        var user = signUp.NewUser(command.Name, command.UserData, command.Password!);
        user.Email = email.Value.Display;
        user.NormalizedEmail = email.Value.Normalized;

        // An address nobody proved is no one's yet: a new sign-up replaces that account (ADR 0007).
        if (existing is not null && !(confirm && SignUpProof.IsReplaceable(existing)))
        {
            Func<Task<AuthError?>>? notice = existing.Email is null ? null
                : () => messages.QueueAccountExistsAsync(db, existing, redirect.Value!, ct);
            return await signUp.AnswerTakenAsync(db, user, confirm, MessageType.ConfirmEmail, notice,
                new SendProbe(OutboxChannel.Email, TokenPurposes.ConfirmEmail, user.Email),
                SignInErrors.EmailTaken, ct);
        }

        Func<Task<AuthError?>>? confirmation = confirm
            ? () => messages.QueueLinkAsync(db, user, TokenPurposes.ConfirmEmail, MessageType.ConfirmEmail, user.Email, redirect.Value!, ct,
                SignUpProof.Mark(user))
            : null;
        return await signUp.SaveAsync(db, user, existing, confirmation, command.Client, SignInErrors.EmailTaken, ct);
    }
}
