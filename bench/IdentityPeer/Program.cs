using System.Diagnostics;
using System.Security.Cryptography;
using IdentityPeer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

// Three modes for bench/load.sh, one small project:
//   peer    ASP.NET Core Identity's MapIdentityApi on SQLite, hashing like Auth Studio (PBKDF2-HMAC-SHA512, 210,000)
//   hello   Kestrel hello-world: the framework's ceiling for a tiny GET
//   ceiling PBKDF2-HMAC-SHA512 at 210,000 iterations on every core, no HTTP: the sign-in ceiling
var mode = args.Length > 0 ? args[0] : "peer";
if (mode == "ceiling")
{
    Ceiling.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

var builder = WebApplication.CreateBuilder(args);
if (mode == "hello")
{
    var hello = builder.Build();
    hello.MapGet("/", () => "Hello World!");
    hello.Run();
    return;
}

var database = builder.Configuration["Database"] ?? Path.Combine(Path.GetTempPath(), "identity-peer.db");
builder.Services.AddDbContext<PeerDbContext>(o => o.UseSqlite($"Data Source={database}"));
builder.Services.AddAuthorization();
builder.Services.AddIdentityApiEndpoints<IdentityUser>().AddEntityFrameworkStores<PeerDbContext>();
// Identity's V3 format is already PBKDF2-HMAC-SHA512; only the iteration count differs from Auth Studio's.
builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = Ceiling.Iterations);

var app = builder.Build();
using (var scope = app.Services.CreateScope())
    scope.ServiceProvider.GetRequiredService<PeerDbContext>().Database.Migrate();
app.MapIdentityApi<IdentityUser>();
app.Run();

namespace IdentityPeer
{
    internal sealed class PeerDbContext(DbContextOptions<PeerDbContext> options) : IdentityDbContext<IdentityUser>(options);

    internal static class Ceiling
    {
        public const int Iterations = 210_000;

        /// <summary>Hashes on every core for <paramref name="seconds"/> and prints hashes per second.</summary>
        public static void Run(double seconds)
        {
            var password = "correct horse battery staple"u8.ToArray();
            var salt = RandomNumberGenerator.GetBytes(16);
            var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            var total = 0;
            var clock = Stopwatch.StartNew();
            var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
            {
                Span<byte> hash = stackalloc byte[32];
                while (Stopwatch.GetTimestamp() < until)
                {
                    Rfc2898DeriveBytes.Pbkdf2(password, salt, hash, Iterations, HashAlgorithmName.SHA512);
                    Interlocked.Increment(ref total);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Console.WriteLine(FormattableString.Invariant($"{total / clock.Elapsed.TotalSeconds:F1}"));
        }
    }
}

/// <summary>
/// Loaded into each measured server with DOTNET_STARTUP_HOOKS: writes the process's allocated bytes to
/// $BENCH_ALLOC_FILE every 100 ms, so the script can divide the growth during a run by its requests
/// without a bench-only endpoint in the product.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("BENCH_ALLOC_FILE") is not { Length: > 0 } path) return;
        var thread = new Thread(() =>
        {
            var temp = path + ".tmp";
            while (true)
            {
                File.WriteAllText(temp, GC.GetTotalAllocatedBytes(false).ToString(System.Globalization.CultureInfo.InvariantCulture));
                File.Move(temp, path, overwrite: true);
                Thread.Sleep(100);
            }
        }) { IsBackground = true, Name = "bench-alloc" };
        thread.Start();
    }
}
