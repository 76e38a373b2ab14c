using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Operators;

/// <summary>The outcome of a right password: the operator, and whether a second step must follow before anything is signed in.</summary>
public sealed record PasswordStep(Operator Operator, bool SecondStepNeeded);

/// <summary>Studio operators: bootstrap, one-time setup code, sign-in and bearer tokens for the management API.</summary>
public sealed class OperatorService(
    IDbContextFactory<AuthDbContext> dbFactory,
    PasswordGate gate,
    SessionTokenService tokens,
    TimeProvider time,
    ActivityRecorder activity)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);
    public const int LockoutThreshold = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    // Operators hold every key to the kingdom: a stricter floor than app users.
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Operators.AnyAsync(ct);
    }

    public Task<Result<Operator>> CreateAsync(string? email, string? password, CancellationToken ct = default) =>
        CreateAsync(email, password, OperatorRole.Owner, ct);

    public async Task<Result<Operator>> CreateAsync(string? email, string? password, OperatorRole role, CancellationToken ct = default)
    {
        var normalized = EmailAddress.Normalize(email);
        var problems = new Dictionary<string, string>();
        if (!normalized.IsSuccess) ValidationFields.Merge(problems, normalized.Error);
        ValidationFields.Merge(problems, PasswordPolicy.Check(password, MinPasswordLength, MaxPasswordLength));
        if (!Enum.IsDefined(role)) problems["role"] = "The role must be Owner or Support.";
        if (problems.Count > 0) return AuthError.Validation(problems);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Operators.AnyAsync(o => o.NormalizedEmail == normalized.Value.Normalized, ct))
            return new AuthError(AuthErrors.EmailNotUnique, "An operator with this e-mail address already exists.");
        var op = new Operator
        {
            Id = UserId.New(time),
            Email = normalized.Value.Display,
            NormalizedEmail = normalized.Value.Normalized,
            PasswordHash = gate.Hasher.Hash(password!),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Role = role,
            SecurityStamp = NewStamp(),
        };
        db.Operators.Add(op);
        // The first operator (setup) adds themself; later ones are added by the operator of the current flow.
        activity.Add(db, EventTypes.OperatorAdded, null, new EventDetail { OperatorId = op.Id }, actor: Actor.Operator(ActivityActor.OperatorId ?? op.Id));
        await db.SaveChangesAsync(ct);
        return op;
    }

    /// <summary>Replaces any earlier setup code with a new one (printed once, stored hashed). Null when operators exist.</summary>
    public async Task<string?> IssueSetupCodeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Operators.AnyAsync(ct)) return null;
        await db.OneTimeTokens.Where(t => t.Purpose == TokenPurposes.StudioSetup).ExecuteDeleteAsync(ct);
        var code = string.Join('-', TokenHashing.RandomHex(10).Chunk(5).Select(c => new string(c))).ToUpperInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        db.OneTimeTokens.Add(new OneTimeToken
        {
            Id = TokenHashing.RandomHex(16),
            Purpose = TokenPurposes.StudioSetup,
            TokenHash = TokenHashing.Hash(code),
            CreatedAt = now,
            ExpiresAt = now.AddDays(7),
        });
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>Creates the first operator with the setup code; the code is burned in the same step.</summary>
    public async Task<Result<Operator>> CompleteSetupAsync(string? code, string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return AuthError.Validation("code", "The setup code is required.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Operators.AnyAsync(ct)) return new AuthError(AuthErrors.NotAllowed, "Setup is already complete.");

        var hash = TokenHashing.Hash(code.Trim().ToUpperInvariant());
        var now = time.GetUtcNow().UtcDateTime;
        var burned = await db.OneTimeTokens
            .Where(t => t.Purpose == TokenPurposes.StudioSetup && t.TokenHash == hash && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
        if (burned != 1) return new AuthError(AuthErrors.InvalidCode, "The setup code is not valid.");

        var created = await CreateAsync(email, password, ct);
        if (!created.IsSuccess)
        {
            // Nothing was created: give the code back so the operator can correct the form.
            await db.OneTimeTokens.Where(t => t.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, (DateTime?)null), ct);
        }
        return created;
    }

    public async Task<Result<string>> SignInAsync(string? email, string? password, CancellationToken ct = default)
    {
        var verified = await VerifyCredentialsAsync(email, password, ct);
        if (!verified.IsSuccess) return verified.Error;
        return IssueToken(verified.Value);
    }

    /// <summary>A management-API token whose <c>sid</c> is the operator's security stamp (ended by a password change).</summary>
    public string IssueToken(Operator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return tokens.Issue(new SessionTokenRequest(op.Id, op.SecurityStamp ?? TokenHashing.RandomHex(16), TokenLifetime, TokenTypes.Operator));
    }

    internal static string NewStamp() => TokenHashing.RandomHex(16);

    /// <summary>
    /// The password check behind every operator sign-in (management-API token and studio cookie) for operators without a
    /// second factor: the users' hashing and lockout, stamping the last sign-in on success. An operator with one is refused
    /// here (<c>mfa_required</c>): their sign-ins go through <see cref="Mfa.OperatorSignInSteps"/>.
    /// </summary>
    public async Task<Result<Operator>> VerifyCredentialsAsync(string? email, string? password, CancellationToken ct = default)
    {
        var step = await CheckPasswordAsync(email, password, ct);
        if (!step.IsSuccess) return step.Error;
        return step.Value.SecondStepNeeded ? new AuthError(AuthErrors.MfaRequired, "A code from the authenticator app is required.") : step.Value.Operator;
    }

    /// <summary>
    /// The first step: the password, through the lockout gate. For an operator with a confirmed factor the right password gives its
    /// lockout slot back and signs nothing in (the second step decides); otherwise the sign-in is stamped and recorded here.
    /// </summary>
    public async Task<Result<PasswordStep>> CheckPasswordAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || PasswordPolicy.IsOverHardLimit(password))
            return new AuthError(AuthErrors.InvalidCredentials, "The credentials are not valid.");
        var normalized = EmailAddress.Normalize(email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var op = normalized.IsSuccess ? await db.Operators.SingleOrDefaultAsync(o => o.NormalizedEmail == normalized.Value.Normalized, ct) : null;
        // Asked for unknown addresses too (no row matches ""), so the work done doesn't tell operators from strangers.
        var twoStep = await Mfa.OperatorSecondFactor.HasFactorAsync(db, op?.Id ?? "", ct);
        var failure = await gate.CheckAsync(db.Operators, op, password, LockoutThreshold, LockoutDuration, ct, secondStepFollows: twoStep);
        // A locked operator gets the wrong-password answer: the studio form and the token endpoint are public,
        // and a distinct refusal would tell which e-mail addresses are operators.
        if (failure is not null)
        {
            // Known or unknown address alike: one insert, the actor unknown (the address is not logged).
            activity.Add(db, EventTypes.OperatorSignInFailed, null, new EventDetail { Code = failure.Code }, actor: new Actor(ActorTypes.Operator, null));
            await db.SaveChangesAsync(CancellationToken.None);
            return failure.Code == AuthErrors.RateLimitExceeded ? PasswordGate.InvalidCredentials() : failure;
        }

        if (!twoStep) await RecordSignInAsync(db, op!, ct);
        return new PasswordStep(op!, twoStep);
    }

    /// <summary>Stamps the last sign-in and records it; called once a sign-in is complete (after the second step, if any).</summary>
    public async Task RecordSignInAsync(AuthDbContext db, Operator op, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(op);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Operators.Where(o => o.Id == op.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.LastLoginAt, now), CancellationToken.None);
        op.LastLoginAt = now;
        activity.Add(db, EventTypes.OperatorSignIn, null, actor: Actor.Operator(op.Id));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<Operator>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Operators.AsNoTracking().OrderBy(o => o.NormalizedEmail).ToListAsync(ct);
    }

    public async Task<Operator?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
    }

    /// <summary>Removes an operator, never the last Owner: the studio must always keep someone who can change everything.</summary>
    public async Task<Result<Unit>> RemoveAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Operators.AnyAsync(o => o.Id == id, ct))
            return new AuthError(AuthErrors.NotFound, "This operator no longer exists.");
        // One statement, so two Owners removing each other at once can't both succeed (ADR 0017). Serializable so
        // SQL Server takes the Owner count under a range lock too: under READ COMMITTED both could see two Owners.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var removed = await db.Operators
            .Where(o => o.Id == id && (o.Role != OperatorRole.Owner || db.Operators.Count(x => x.Role == OperatorRole.Owner) > 1))
            .ExecuteDeleteAsync(ct);
        if (removed == 1)
        {
            activity.Add(db, EventTypes.OperatorRemoved, null, new EventDetail { OperatorId = id });
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return removed == 1
            ? Unit.Value
            : new AuthError(AuthErrors.LastOwner, "The last Owner can't be removed; make another operator an Owner first.");
    }

    /// <summary>The operator behind a management-API bearer token; end-user session tokens never pass.</summary>
    public async Task<Result<Operator>> AuthenticateAsync(string? token, CancellationToken ct = default)
    {
        var validated = await tokens.ValidateAsync(token, TokenTypes.Operator);
        if (!validated.IsSuccess) return new AuthError(AuthErrors.Unauthorized, "An operator token is required.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var op = await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.Id == validated.Value.UserId, ct);
        if (op is null) return new AuthError(AuthErrors.Unauthorized, "The operator no longer exists.");
        // A token from before the operator's last password change is over.
        return op.SecurityStamp is null || op.SecurityStamp == validated.Value.SessionId
            ? op
            : new AuthError(AuthErrors.Unauthorized, "The operator's password has changed; request a new token.");
    }
}
