using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Auth.Core.Data;

/// <summary>
/// Knows the SQLite file this process opened and refuses to go on when the path no longer leads to it.
/// SQLite keeps writing to a deleted file's inode (and, in WAL mode, to the -wal file beside a main file
/// overwritten with garbage), so without this such writes are acknowledged and then lost on restart.
/// Identity is a random marker the app keeps in the file header (<c>PRAGMA application_id</c>, bytes 68–71),
/// read straight from the file before every connection the app opens: a deleted, replaced or garbled file
/// fails the check at once. Reading 72 bytes is cheap next to the query that follows. One guard per file
/// path, shared by every context factory of the process.
/// </summary>
public sealed class SqliteFileGuard
{
    private const int HeaderLength = 72;
    private const int ApplicationIdOffset = 68;
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();
    private static readonly ConcurrentDictionary<string, SqliteFileGuard> Guards = new(StringComparer.Ordinal);
    private volatile StrongBox<int>? _marker;

    private SqliteFileGuard(string path) => FilePath = path;

    public string FilePath { get; }

    public static SqliteFileGuard For(string path) => Guards.GetOrAdd(Path.GetFullPath(path), p => new SqliteFileGuard(p));

    /// <summary>Starts guarding: from now on the file at the path must carry <paramref name="marker"/>.</summary>
    public void Arm(int marker) => _marker = new StrongBox<int>(marker);

    /// <summary>Stops guarding until the next <see cref="Arm"/>: a (re)start opens whatever file is at the path now.</summary>
    public void Disarm() => _marker = null;

    /// <summary>Why the database must not be used now, or null.</summary>
    public string? Problem()
    {
        if (_marker is not { } marker) return null;
        if (!File.Exists(FilePath))
            return "The database file was deleted or moved while the server was running; restore it and restart (writes would be lost).";
        return ReadMarker(FilePath) switch
        {
            null => "The database file at the configured path is no longer a SQLite database (overwritten or truncated).",
            var found when found != marker.Value => "The database file at the configured path is not the one this server opened (it was replaced); restart to use it.",
            _ => null,
        };
    }

    public void ThrowIfUnavailable()
    {
        if (Problem() is { } problem) throw new DatabaseUnavailableException(problem);
    }

    /// <summary>The application_id in the file's header, or null when the file does not start like a SQLite database.</summary>
    public static int? ReadMarker(string path)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            file.ReadExactly(header);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // gone between the checks, unreadable, or shorter than a header
        }
        if (!header[..Magic.Length].SequenceEqual(Magic)) return null;
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[ApplicationIdOffset..]);
    }

    /// <summary>
    /// Reads the file's marker, writing a new random one first if it has none (a new or older database), and
    /// checkpoints so the main file's own header carries it (in WAL mode a header write sits in the -wal file
    /// until then). Returns the marker only when the main file shows it; null means "guard existence only".
    /// </summary>
    public static async Task<int?> EnsureMarkerAsync(System.Data.Common.DbConnection connection, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA application_id";
        var marker = Convert.ToInt32(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (marker == 0)
        {
            marker = System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, int.MaxValue);
            await using var write = connection.CreateCommand();
            write.CommandText = $"PRAGMA application_id = {marker}";
            await write.ExecuteNonQueryAsync(ct);
        }
        if (ReadMarker(path) != marker)
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(FULL)";
            await checkpoint.ExecuteNonQueryAsync(ct);
        }
        return ReadMarker(path) == marker ? marker : null;
    }
}
