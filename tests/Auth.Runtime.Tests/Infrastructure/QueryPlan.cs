using System.Text.RegularExpressions;
using Auth.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Infrastructure;

/// <summary>SQLite's EXPLAIN QUERY PLAN of an EF query string, with its ".param set" lines bound as parameters.</summary>
public static partial class QueryPlan
{
    public static async Task<List<string>> OfAsync(AuthDbContext db, string queryString)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var sql = new List<string>();
        foreach (var line in queryString.Split('\n'))
        {
            var param = ParamLine().Match(line);
            if (!param.Success)
            {
                sql.Add(line);
                continue;
            }
            var raw = param.Groups[2].Value.Trim();
            object value = raw.StartsWith('\'') ? raw[1..^1].Replace("''", "'", StringComparison.Ordinal) : long.Parse(raw, System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(param.Groups[1].Value, value);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql).Trim();
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) details.Add(reader.GetString(3));
        Assert.NotEmpty(details);
        return details;
    }

    /// <summary>No step walks the whole table (a SCAN of it without an index).</summary>
    public static void AssertNoScanOf(IEnumerable<string> plan, string table) =>
        Assert.DoesNotContain(plan, d => Regex.IsMatch(d, $@"^SCAN (\w+ AS )?""?{table}""?( |$)") && !d.Contains("INDEX", StringComparison.Ordinal));

    [GeneratedRegex(@"^\.param set (@\w+) (.*)$")]
    private static partial Regex ParamLine();
}
