using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users.Transfer;

/// <summary>
/// Brings users in from a CSV or JSON file, with their password hashes (ADR 0020). The file is read twice from a
/// spooled copy: once to refuse a broken or oversized file before anything is written, once to check each row with the
/// runtime's rules and write the rows that pass in batches, each batch in one transaction with its activity event.
/// A row whose e-mail, phone, provider id or id is already a user is counted as existing, so importing a file twice
/// creates nothing the second time. A refused row is never half-written: a user is one row.
/// </summary>
public sealed class UserImport(IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settings, ActivityRecorder activity, TimeProvider time)
{
    public const long MaxFileBytes = 64L * 1024 * 1024;
    public const int MaxRows = 200_000;
    public const int BatchSize = 500;
    public const int MaxListedErrors = 100;

    public async Task<Result<UserImportReport>> ImportAsync(Stream file, UserFileFormat format, bool dryRun, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var copy = await SpoolAsync(file, ct);
        if (copy is null) return TooLarge($"The file is larger than {MaxFileBytes / (1024 * 1024)} MB; split it and import the parts.");

        var rows = 0;
        try
        {
            await foreach (var _ in UserFileReader.ReadAsync(copy, format, ct))
                if (++rows > MaxRows) return TooLarge($"The file has more than {MaxRows:N0} rows; split it and import the parts.");
        }
        catch (FormatException ex)
        {
            // The sentence itself is the message too: the studio shows it as it is.
            return new AuthError(AuthErrors.ValidationError, ex.Message,
                new Dictionary<string, object?> { ["fields"] = new Dictionary<string, string> { ["file"] = ex.Message } });
        }

        copy.Position = 0;
        var state = new UserImportState(rows, dryRun, format);
        var now = time.GetUtcNow().UtcDateTime;
        var rules = settings.Current.Settings;
        var batch = new List<UserImportState.Candidate>(BatchSize);
        await foreach (var line in UserFileReader.ReadAsync(copy, format, ct))
        {
            var (user, error) = UserImportRowCheck.Check(line, rules, now, time);
            error ??= state.DuplicateInFile(line.Row, user!);
            if (error is not null)
            {
                state.Fail(error);
                continue;
            }
            batch.Add(new UserImportState.Candidate(line.Row, user!, line.Record.Id is not null));
            if (batch.Count < BatchSize) continue;
            await WriteBatchAsync(batch, state, ct);
            batch.Clear();
        }
        if (batch.Count > 0) await WriteBatchAsync(batch, state, ct);
        if (!dryRun && (!state.EventWritten || state.HasUnrecordedFailures)) await RecordAsync(state);
        return state.Report();
    }

    /// <summary>
    /// Classifies the batch against the users already stored, then inserts the new ones with the batch's event in one
    /// transaction. A sign-up that takes an identifier meanwhile fails the insert on its unique index: the batch is
    /// classified again (that user now exists) and retried.
    /// </summary>
    private async Task WriteBatchAsync(List<UserImportState.Candidate> batch, UserImportState state, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var existing = await ExistingUsers.FindAsync(db, batch.Select(c => c.User).ToList(), ct);
            var outcome = UserImportState.Classify(batch, existing);
            if (state.DryRun)
            {
                state.Commit(outcome);
                return;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Users.AddRange(outcome.New.Select(c => c.User));
            activity.Add(db, EventTypes.UsersImported, null, state.EventDetail(outcome), actor: Actor.OperatorOrSystem);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                state.Commit(outcome);
                state.EventWritten = true;
                return;
            }
            catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex) && attempt < 3)
            {
                // Rolled back with the transaction; the next round sees the user that won.
            }
        }
    }

    /// <summary>An import that wrote no batch (every row refused), or refused rows after its last batch, is still on record.</summary>
    private async Task RecordAsync(UserImportState state)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        activity.Add(db, EventTypes.UsersImported, null, state.EventDetail(new UserImportState.Outcome([], 0, [])), actor: Actor.OperatorOrSystem);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>A seekable copy of the upload (a request body reads once), or null when it is over <see cref="MaxFileBytes"/>.</summary>
    private static async Task<Stream?> SpoolAsync(Stream file, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"auth-import-{Guid.NewGuid():N}.tmp");
        var copy = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxFileBytes)
                {
                    await copy.DisposeAsync();
                    return null;
                }
                await copy.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            copy.Position = 0;
            return copy;
        }
        catch
        {
            // A body cut short or over the server's limit: the copy goes now, not at finalisation.
            await copy.DisposeAsync();
            throw;
        }
    }

    private static AuthError TooLarge(string message) => new(AuthErrors.PayloadTooLarge, message);
}
