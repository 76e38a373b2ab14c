using System.Text.Json.Nodes;
using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.SignIn;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>A user an operator creates: e-mail and/or phone, optionally a password, vouched identifiers, an invitation.</summary>
public sealed record CreateUserCommand(
    string? Email, string? Phone, string? Password = null, string? Name = null, JsonObject? UserData = null,
    bool EmailVerified = false, bool PhoneVerified = false, bool Invite = false, string? RedirectUrl = null);

/// <summary>A value an edit sets (null included); an absent <see cref="Change{T}"/> keeps the field.</summary>
public readonly record struct Change<T>(T Value);

/// <summary>
/// An operator's edit. An empty or null e-mail or phone removes it; a new one starts unverified unless
/// <see cref="VouchEmail"/> / <see cref="VouchPhone"/> says the operator checked it (ADR 0022).
/// </summary>
public sealed record UpdateUserCommand
{
    public Change<string?>? Name { get; init; }
    public Change<JsonObject?>? UserData { get; init; }
    public Change<string?>? Email { get; init; }
    public Change<string?>? Phone { get; init; }
    public bool VouchEmail { get; init; }
    public bool VouchPhone { get; init; }
}

/// <summary>
/// Operators creating and editing users with the runtime's own rules: the same normalisation and uniqueness keys, the
/// password policy and hasher, the profile limits. Uniqueness is checked first for a clear answer, and the unique
/// indexes decide a race (ADR 0022). Invitations, resets and unlocks are <see cref="UserOutreach"/>'s.
/// </summary>
public sealed class UserManagement(
    IDbContextFactory<AuthDbContext> dbFactory, LocalAccounts accounts, TokenMessages messages, UserOutreach outreach, TimeProvider time)
{
    public async Task<Result<User>> CreateAsync(CreateUserCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new Dictionary<string, string>();
        var email = UserIdentifiers.Email(command.Email, problems);
        var phone = UserIdentifiers.Phone(command.Phone, problems);
        if (email is null && phone is null && problems.Count == 0) problems["email"] = "An e-mail address or a phone number is required.";
        if (command.Password is not null) ValidationFields.Merge(problems, accounts.CheckPolicy(command.Password));
        SignUpInput.CheckProfile(command.Name, command.UserData, problems);
        if (command.Invite && email is null) problems.TryAdd("email", "An invitation is e-mailed: the user needs an e-mail address.");
        if (problems.Count > 0) return AuthError.Validation(problems);
        if (phone is not null && PhoneNumberPolicy.Check(messages.Settings.Phone, phone) is { } blocked) return blocked;
        string? redirect = null;
        if (command.Invite)
        {
            var resolved = UserOutreach.Redirect(messages.Settings, command.RedirectUrl);
            if (!resolved.IsSuccess) return resolved.Error;
            redirect = resolved.Value;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await UserIdentifiers.TakenAsync(db, email?.Normalized, phone, exceptId: null, ct) is { } taken) return taken;
        var id = UserId.New(time);
        var user = new User
        {
            Id = id,
            Provider = User.LocalProvider,
            ProviderUserId = id,
            Email = email?.Display,
            NormalizedEmail = email?.Normalized,
            Phone = phone,
            Name = SignUpInput.TrimName(command.Name),
            UserData = command.UserData?.ToJsonString(),
            PasswordHash = command.Password is null ? null : accounts.Hasher.Hash(command.Password),
            EmailVerified = email is not null && command.EmailVerified,
            PhoneVerified = phone is not null && command.PhoneVerified,
            SignUpAt = time.GetUtcNow().UtcDateTime,
            CreatedByOperator = true,
        };
        db.Users.Add(user);
        accounts.Activity.Add(db, EventTypes.UserCreated, user.Id,
            new EventDetail { Channel = email is null ? Messaging.OutboxChannel.Sms : Messaging.OutboxChannel.Email }, actor: Actor.OperatorOrSystem);
        try
        {
            var failed = await messages.CommitAsync(db, () => command.Invite ? outreach.QueueInvitationAsync(db, user, redirect!, ct) : Task.FromResult<AuthError?>(null), ct);
            if (failed is not null) return failed;
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return await RaceLostAsync(email?.Normalized, phone, user.Id, ct);
        }
        return user;
    }

    public async Task<Result<User>> UpdateAsync(string userId, UpdateUserCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new Dictionary<string, string>();
        var email = command.Email is { Value: { } e } && !string.IsNullOrWhiteSpace(e) ? UserIdentifiers.Email(e, problems) : null;
        var phone = command.Phone is { Value: { } p } && !string.IsNullOrWhiteSpace(p) ? UserIdentifiers.Phone(p, problems) : null;
        SignUpInput.CheckProfile(command.Name?.Value, command.UserData?.Value, problems);
        if (problems.Count > 0) return AuthError.Validation(problems);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return UserOutreach.NotFound(userId);
        var edit = new UserEdit(user);
        if (command.Name is { } name) edit.Name(SignUpInput.TrimName(name.Value));
        if (command.UserData is { } data) edit.UserData(data.Value?.ToJsonString());
        if (command.Email is not null) edit.Email(email, command.VouchEmail);
        if (command.Phone is not null) edit.Phone(phone, command.VouchPhone);
        if (edit.Check() is { } invalid) return invalid;
        if (edit.Changed.Count == 0) return user;
        if (phone is not null && edit.IdentifiersChanged && PhoneNumberPolicy.Check(messages.Settings.Phone, phone) is { } blocked) return blocked;
        if (await UserIdentifiers.TakenAsync(db, edit.NewEmail, edit.NewPhone, user.Id, ct) is { } taken) return taken;

        accounts.Activity.Add(db, EventTypes.UserUpdated, user.Id, new EventDetail { Fields = string.Join(',', edit.Changed) }, actor: Actor.OperatorOrSystem);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            // A link or code sent to the old address or number must not act on the account once it is no longer theirs.
            if (edit.IdentifiersChanged) await OutstandingTokens.VoidAllAsync(db, user.Id, time.GetUtcNow().UtcDateTime, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return await RaceLostAsync(edit.NewEmail, edit.NewPhone, user.Id, ct);
        }
        return user;
    }

    // The unique index refused the row: say which identifier another user took meanwhile.
    private async Task<AuthError> RaceLostAsync(string? email, string? phone, string exceptId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await UserIdentifiers.TakenAsync(db, email, phone, exceptId, ct)
            ?? (email is not null ? new AuthError(AuthErrors.EmailNotUnique, "A user with this e-mail address already exists.")
                : new AuthError(AuthErrors.PhoneNotUnique, "A user with this phone number already exists."));
    }
}
