using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.Core.Users.Transfer;

/// <summary>One data row of an import file: its 1-based number, the record, and the field of a value of the wrong type.</summary>
public sealed record UserFileRow(int Row, UserRecord Record, string? WrongField);

/// <summary>
/// Streams the rows of an import file, one record at a time. A file that is not CSV or JSON at all (an unclosed quote,
/// broken JSON, no header) throws <see cref="FormatException"/>; a row with a bad value is a row with
/// <see cref="UserFileRow.WrongField"/> set.
/// </summary>
public static class UserFileReader
{
    public static IAsyncEnumerable<UserFileRow> ReadAsync(Stream file, UserFileFormat format, CancellationToken ct) =>
        format == UserFileFormat.Json ? ReadJsonAsync(file, ct) : ReadCsvAsync(file, ct);

    private static async IAsyncEnumerable<UserFileRow> ReadCsvAsync(Stream file, [EnumeratorCancellation] CancellationToken ct)
    {
        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text);
        var header = await csv.ReadAsync(ct) ?? throw new FormatException("The file is empty: a CSV import starts with a header row.");
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) columns.TryAdd(header[i].Trim(), i);
        if (!columns.ContainsKey("email") && !columns.ContainsKey("phone") && !columns.ContainsKey("providerUserId"))
            throw new FormatException("The header row names no email, phone or providerUserId column.");

        var row = 0;
        while (await csv.ReadAsync(ct) is { } cells)
        {
            if (cells is [""]) continue; // a blank line (often the last one)
            row++;
            string? wrong = null;
            var record = UserRecordText.FromCsv(columns, cells, f => wrong ??= f);
            yield return new UserFileRow(row, record, wrong);
        }
    }

    private static async IAsyncEnumerable<UserFileRow> ReadJsonAsync(Stream file, [EnumeratorCancellation] CancellationToken ct)
    {
        var row = 0;
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonNode?>(file, topLevelValues: false, cancellationToken: ct);
        await using var e = items.GetAsyncEnumerator(ct);
        while (true)
        {
            JsonNode? node;
            try
            {
                if (!await e.MoveNextAsync()) yield break;
                node = e.Current;
            }
            catch (JsonException ex)
            {
                throw new FormatException($"The file is not a JSON array of users (line {ex.LineNumber + 1}).", ex);
            }
            row++;
            if (node is not JsonObject o)
            {
                yield return new UserFileRow(row, new UserRecord(), "row");
                continue;
            }
            string? wrong = null;
            var record = UserJson.Read(o, f => wrong ??= f);
            yield return new UserFileRow(row, record, wrong);
        }
    }
}
