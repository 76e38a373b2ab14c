using System.Text;

namespace Auth.Core.Users.Transfer;

/// <summary>
/// RFC 4180 cells: quoted when they hold a comma, quote or line break, quotes doubled. A cell a spreadsheet would run
/// as a formula (starting with <c>= + - @</c>, tab or carriage return) gets a leading <c>'</c> (OWASP's CSV injection
/// advice), and so does one already starting with <c>'</c> before such a character, so <see cref="Unescape"/> can
/// give every cell back exactly (a phone number <c>+15551234567</c> is written <c>'+15551234567</c>).
/// </summary>
public static class CsvCells
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static void Write(StringBuilder line, string? value)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrEmpty(value)) return;
        if (IsFormulaStart(value, 0) || (value[0] == '\'' && value.Length > 1 && IsFormulaStart(value, 1)))
            value = "'" + value;
        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Undoes <see cref="Write"/>'s formula guard; a cell without one is returned as it is.</summary>
    public static string Unescape(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && (IsFormulaStart(cell, 1) || (cell[1] == '\'' && cell.Length > 2 && IsFormulaStart(cell, 2)))
            ? cell[1..]
            : cell;
    }

    private static bool IsFormulaStart(string value, int at) => value[at] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
