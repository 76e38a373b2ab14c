using System.Globalization;
using System.Text;
using System.Text.Json;
using Auth.Core.Activity;
using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users.Transfer;

/// <summary>
/// Writes every user to a stream as CSV or JSON, a page at a time along the (SignUpAt, Id) index (ADR 0011), so a
/// million users cost one page of memory and each page one index seek. Never a hash, factor, passkey or secret.
/// </summary>
public sealed class UserExport(IDbContextFactory<AuthDbContext> dbFactory, ActivityRecorder activity)
{
    public const int PageSize = 1000;

    /// <summary>Writes the users, then records <c>users.exported</c> with the count. Returns the count.</summary>
    public async Task<int> WriteAsync(Stream output, UserFileFormat format, Actor? actor = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var stream = new NewestFirstStream();
        var count = 0;
        await using var json = format == UserFileFormat.Json ? new Utf8JsonWriter(output) : null;
        json?.WriteStartArray();
        if (format == UserFileFormat.Csv) await WriteTextAsync(output, string.Join(',', UserRecord.ExportColumns) + "\r\n", ct);

        StreamPosition? after = null;
        while (true)
        {
            List<Data.Entities.User> page;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                page = await stream.After(db.Users.AsNoTracking(), after).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0) break;
            if (json is not null)
            {
                foreach (var user in page) UserJson.Write(json, UserRecord.From(user));
                await json.FlushAsync(ct);
            }
            else
            {
                var text = new StringBuilder();
                foreach (var user in page) AppendCsv(text, UserRecord.From(user));
                await WriteTextAsync(output, text.ToString(), ct);
            }
            count += page.Count;
            after = stream.PositionOf(page[^1]);
            if (page.Count < PageSize) break;
        }
        if (json is not null)
        {
            json.WriteEndArray();
            await json.FlushAsync(ct);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            activity.Add(db, EventTypes.UsersExported, null,
                new EventDetail { Count = count, Format = format.ToString().ToLowerInvariant() }, actor: actor ?? Actor.OperatorOrSystem);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return count;
    }

    private static void AppendCsv(StringBuilder line, UserRecord r)
    {
        string?[] cells =
        [
            r.Id, r.Email, r.Phone, Bool(r.EmailVerified), Bool(r.PhoneVerified), r.Name, r.UserData, r.Provider, r.ProviderUserId,
            Time(r.CreatedAt), Time(r.LastSignInAt), Bool(r.Disabled),
        ];
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append(',');
            CsvCells.Write(line, cells[i]);
        }
        line.Append("\r\n");
    }

    internal static string Bool(bool value) => value ? "true" : "false";

    internal static string? Time(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteTextAsync(Stream output, string text, CancellationToken ct) =>
        await output.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
}
