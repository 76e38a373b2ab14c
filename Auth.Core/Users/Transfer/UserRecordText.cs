using System.Globalization;

namespace Auth.Core.Users.Transfer;

/// <summary>A CSV record (cells by column name) as a <see cref="UserRecord"/>; the first unreadable cell is the error.</summary>
internal static class UserRecordText
{
    public static UserRecord FromCsv(IReadOnlyDictionary<string, int> columns, List<string> cells, Action<string> wrongType)
    {
        string? Cell(string name)
        {
            if (!columns.TryGetValue(name, out var i) || i >= cells.Count) return null;
            var value = CsvCells.Unescape(cells[i]);
            return value.Length == 0 ? null : value;
        }
        bool Flag(string name)
        {
            var value = Cell(name);
            if (value is null) return false;
            if (Flags.TryGetValue(value.Trim(), out var flag)) return flag;
            wrongType(name);
            return false;
        }
        return new UserRecord
        {
            Id = Cell("id"),
            Email = Cell("email"),
            Phone = Cell("phone"),
            EmailVerified = Flag("emailVerified"),
            PhoneVerified = Flag("phoneVerified"),
            Name = Cell("name"),
            UserData = Cell("userData"),
            Provider = Cell("provider"),
            ProviderUserId = Cell("providerUserId"),
            CreatedAt = Time(Cell("createdAt"), "createdAt", wrongType),
            LastSignInAt = Time(Cell("lastSignInAt"), "lastSignInAt", wrongType),
            Disabled = Flag("disabled"),
            PasswordHash = Cell("passwordHash"),
            PasswordHashFormat = Cell("passwordHashFormat"),
        };
    }

    /// <summary>An ISO 8601 instant (an offset or Z; none means UTC), as UTC.</summary>
    public static DateTime? Time(string? value, string field, Action<string> wrongType)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at.UtcDateTime;
        wrongType(field);
        return null;
    }

    private static readonly Dictionary<string, bool> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true, ["false"] = false, ["1"] = true, ["0"] = false, ["yes"] = true, ["no"] = false,
    };
}
