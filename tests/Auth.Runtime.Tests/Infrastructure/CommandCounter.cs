using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.Runtime.Tests.Infrastructure;

/// <summary>Counts the SQL commands that touch the settings tables, and can make the database fail on demand.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _settingsQueries;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _inserts = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statements = new();

    public int SettingsQueries => Volatile.Read(ref _settingsQueries);

    /// <summary>While set, every command throws, as a database that went away would.</summary>
    public bool Fail { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>
    /// Awaited before every non-query command (EF's ExecuteUpdate/ExecuteDelete) with its SQL, so a test can hold a
    /// request at an exact step while others run. Keep it null except inside such a test.
    /// </summary>
    public Func<string, Task>? BeforeNonQuery { get; set; }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        if (BeforeNonQuery is { } hook) await hook(command.CommandText);
        return await base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>
    /// The tables of every INSERT an HTTP request issued since the last <see cref="TakeInserts"/>, in order (for "same
    /// work" checks). Background work (the outbox dispatcher recording a sent message) is left out: it lands whenever it
    /// lands, in either request's window.
    /// </summary>
    public IReadOnlyList<string> TakeInserts()
    {
        RequestActivities.Listen();
        var taken = new List<string>();
        while (_inserts.TryDequeue(out var table)) taken.Add(table);
        return taken;
    }

    /// <summary>
    /// "VERB Table" of every statement since the last call (settings polls left out), in order: what a
    /// request read and wrote, for proving that two paths do the same work.
    /// </summary>
    public IReadOnlyList<string> TakeStatements()
    {
        RequestActivities.Listen();
        var taken = new List<string>();
        while (_statements.TryDequeue(out var statement)) taken.Add(statement);
        return taken;
    }

    private void Observe(DbCommand command)
    {
        if (Fail) throw new InvalidOperationException("Simulated database failure: connection reset by peer (secret-detail-xyz).");
        if (command.CommandText.Contains("Settings", StringComparison.Ordinal)) Interlocked.Increment(ref _settingsQueries);
        if (RequestActivities.InRequest)
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(command.CommandText, @"INSERT INTO [\[""`]?(\w+)"))
                _inserts.Enqueue(m.Groups[1].Value);
        if (RequestActivities.InRequest && !command.CommandText.Contains("Settings", StringComparison.Ordinal))
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(command.CommandText,
                @"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+(?:(?:TOP\s*\(\w+\)\s*)?[^;]*?\bFROM\s+)?[\[""`]?(\w+)[\]""`]?"))
                _statements.Enqueue(m.Groups[1].Value.Split(' ')[0] + " " + m.Groups[2].Value);
    }
}

/// <summary>
/// Makes ASP.NET Core start an Activity per request, so a command can tell whether an HTTP request issued it
/// (the outbox dispatcher, woken by a send, runs beside the request and must not count as its work).
/// </summary>
internal static class RequestActivities
{
    private static System.Diagnostics.ActivityListener? _listener;

    public static bool InRequest =>
        System.Diagnostics.Activity.Current is { } a && a.OperationName.Contains("HttpRequestIn", StringComparison.Ordinal);

    public static void Listen()
    {
        if (Volatile.Read(ref _listener) is not null) return;
        var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
        };
        if (Interlocked.CompareExchange(ref _listener, listener, null) is null) System.Diagnostics.ActivitySource.AddActivityListener(listener);
        else listener.Dispose();
    }
}
