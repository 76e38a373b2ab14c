using System.Diagnostics;
using System.Globalization;
using System.Text;
using Auth.Core;
using Auth.Core.Users.Transfer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Benchmarks.Transfer;

/// <summary>
/// A user import of N CSV rows into a fresh SQLite file on a real host (Auth.Core's services, its migrations): the dry
/// run, the import, the same file again (every row exists) and a CSV export of the result, each timed, with the process's
/// peak working set. Rows carry bcrypt, Identity V3 and PBKDF2 hashes in turn (three hashes reused: a hash is only parsed
/// at import, never verified).
/// Usage: dotnet run -c Release --project bench/Auth.Benchmarks -- import [rows]
/// </summary>
internal static class UserImportThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var folder = Directory.CreateTempSubdirectory("import-bench-");
        var file = Path.Combine(folder.FullName, "users.csv");
        await WriteFileAsync(file, rows);
        Console.WriteLine($"User import: {rows:N0} rows, {new FileInfo(file).Length / (1024.0 * 1024):0.0} MB CSV, {Environment.ProcessorCount} cores");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration["ConnectionStrings:Auth"] = $"Data Source={Path.Combine(folder.FullName, "auth.db")}";
        builder.Configuration["Runtime:PublicBaseUrl"] = "http://bench.test";
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error).AddFilter("Auth.Core.AuthStartup", LogLevel.Error);
        builder.Services.AddAuthCore(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var import = host.Services.GetRequiredService<UserImport>();
            await TimeAsync("dry run", rows, () => ImportAsync(import, file, dryRun: true));
            await TimeAsync("import", rows, () => ImportAsync(import, file, dryRun: false));
            await TimeAsync("same file again", rows, () => ImportAsync(import, file, dryRun: false));
            var export = host.Services.GetRequiredService<UserExport>();
            await TimeAsync("export csv", rows, async () =>
            {
                await using var output = File.Create(Path.Combine(folder.FullName, "export.csv"));
                var count = await export.WriteAsync(output, UserFileFormat.Csv);
                return $"{count:N0} users, {output.Length / (1024.0 * 1024):0.0} MB";
            });
            Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
        return 0;
    }

    private static async Task<string> ImportAsync(UserImport import, string path, bool dryRun)
    {
        await using var file = File.OpenRead(path);
        var result = await import.ImportAsync(file, UserFileFormat.Csv, dryRun);
        var r = result.Value ?? throw new InvalidOperationException(result.Error!.Message);
        return $"created {r.Created:N0}, existing {r.Existing:N0}, failed {r.Failed:N0}";
    }

    private static async Task TimeAsync(string step, int rows, Func<Task<string>> run)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await run();
        clock.Stop();
        Console.WriteLine($"{step,-16} {clock.Elapsed.TotalSeconds,7:0.00} s  {rows / clock.Elapsed.TotalSeconds,9:N0} rows/s  ({outcome})");
    }

    private static async Task WriteFileAsync(string path, int rows)
    {
        string[] hashes =
        [
            BCrypt.Net.BCrypt.HashPassword("correct horse 1", BCrypt.Net.BCrypt.GenerateSalt(10)),
            new PasswordHasher<object>().HashPassword(new object(), "correct horse 1"),
            new Auth.Core.Users.PasswordHasher(new Auth.Core.Users.PasswordHashingOptions()).Hash("correct horse 1"),
        ];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteAsync("email,emailVerified,name,userData,createdAt,passwordHash\r\n");
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var line = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            line.Clear().Append(CultureInfo.InvariantCulture, $"user{i}@bench.example,true,User {i},\"{{\"\"n\"\":{i}}}\",")
                .Append(start.AddMinutes(i).ToString("O", CultureInfo.InvariantCulture)).Append(',').Append(hashes[i % 3]).Append("\r\n");
            await writer.WriteAsync(line);
        }
    }
}
