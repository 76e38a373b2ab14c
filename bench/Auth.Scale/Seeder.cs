using System.Diagnostics;
using System.Globalization;
using Auth.Core.Data;
using Auth.Core.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Auth.Scale;

/// <summary>
/// Creates a database through the app's own migrations, then writes users with one prepared INSERT in one transaction:
/// a million sign-ups through the API would take days of password hashing, and the point is the tables, not the hashing.
/// Every user shares one real password hash (<see cref="Password"/>), so any of them can sign in.
/// </summary>
public static class Seeder
{
    public const string Password = "bench password 1";

    public static string Email(int i) => $"user{i}@example.com";

    public static string Phone(int i) => "+1555" + i.ToString("D7", CultureInfo.InvariantCulture);

    public static string Name(int i) => $"First{i % 1000} Last{i}";

    /// <summary>Ids shaped like the app's (4 bytes of seconds, then 8 more bytes), unique by the counter.</summary>
    public static string Id(int i, DateTime at) =>
        ((uint)new DateTimeOffset(at).ToUnixTimeSeconds()).ToString("x8", CultureInfo.InvariantCulture) + i.ToString("x16", CultureInfo.InvariantCulture);

    public static DateTime SignUpAt(int i) => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 30L);

    public static async Task RunAsync(string dbPath, int count)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
        foreach (var file in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(file);
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={dbPath}" };
        await using (var db = new AuthDbContextFactory(options).CreateDbContext())
            await db.Database.MigrateAsync();

        var hash = new PasswordHasher(new PasswordHashingOptions()).Hash(Password);
        await using var connection = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Users" ("Id", "Provider", "ProviderUserId", "Email", "NormalizedEmail", "Phone", "Name", "NormalizedName",
                "PasswordHash", "EmailVerified", "PhoneVerified", "Disabled", "SignUpAt", "FailedSignInCount")
            VALUES ($id, 'local', $id, $email, $email, $phone, $name, $normalizedName, $hash, 1, 0, 0, $signUpAt, 0)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var phone = insert.Parameters.Add("$phone", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var normalizedName = insert.Parameters.Add("$normalizedName", SqliteType.Text);
        var signUpAt = insert.Parameters.Add("$signUpAt", SqliteType.Text);
        insert.Parameters.AddWithValue("$hash", hash);
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            var at = SignUpAt(i);
            id.Value = Id(i, at);
            email.Value = Email(i);
            phone.Value = Phone(i);
            name.Value = Name(i);
            normalizedName.Value = UserSearchText.NormalizeName(Name(i));
            // EF Core's SQLite text format for DateTime, so the app's range comparisons order these rows right.
            signUpAt.Value = at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        Console.WriteLine($"seeded {count:N0} users into {dbPath} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
