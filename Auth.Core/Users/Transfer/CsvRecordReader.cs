using System.Text;

namespace Auth.Core.Users.Transfer;

/// <summary>
/// Reads RFC 4180 records one at a time from a text stream (quoted fields may hold commas, doubled quotes and line
/// breaks; CRLF or LF ends a record), so a file of any length is never held in memory whole.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    /// <summary>The next record's fields, or null at the end. Throws <see cref="FormatException"/> on an unclosed quote.</summary>
    public async Task<List<string>?> ReadAsync(CancellationToken ct)
    {
        var fields = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false, afterQuote = false, any = false;
        while (true)
        {
            var c = await NextAsync(ct);
            if (c < 0)
            {
                if (quoted) throw new FormatException("A quoted field is not closed before the end of the file.");
                if (!any) return null;
                fields.Add(cell.ToString());
                return fields;
            }
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') cell.Append(ch);
                else if (await PeekAsync(ct) == '"') { cell.Append('"'); await NextAsync(ct); }
                else { quoted = false; afterQuote = true; }
                continue;
            }
            switch (ch)
            {
                case '"' when cell.Length == 0 && !afterQuote:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(cell.ToString());
                    cell.Clear();
                    afterQuote = false;
                    break;
                case '\r' when await PeekAsync(ct) == '\n':
                    break;
                case '\n':
                    fields.Add(cell.ToString());
                    return fields;
                default:
                    cell.Append(ch);
                    break;
            }
        }
    }

    private readonly char[] _buffer = new char[16384];
    private int _position, _length;

    private async ValueTask<int> NextAsync(CancellationToken ct)
    {
        if (_position == _length && !await FillAsync(ct)) return -1;
        return _buffer[_position++];
    }

    private async ValueTask<int> PeekAsync(CancellationToken ct)
    {
        if (_position == _length && !await FillAsync(ct)) return -1;
        return _buffer[_position];
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        _length = await reader.ReadAsync(_buffer.AsMemory(), ct);
        _position = 0;
        return _length > 0;
    }
}
