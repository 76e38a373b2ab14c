namespace Studio.Web.Overview;

/// <summary>
/// A count the Overview shows without walking a whole table: it stops at <see cref="Cap"/>, so a page view costs at
/// most that many index entries however many rows there are (the exact figures over time are the charts' rollups).
/// </summary>
public readonly record struct CappedCount(int Value, bool Capped)
{
    public const int Cap = 10_000;

    public static async Task<CappedCount> OfAsync<T>(IQueryable<T> rows, Func<IQueryable<T>, CancellationToken, Task<int>> count, CancellationToken ct)
    {
        var n = await count(rows.Take(Cap + 1), ct);
        return new CappedCount(Math.Min(n, Cap), n > Cap);
    }

    public override string ToString() => Capped ? $"more than {Cap:N0}" : Value.ToString("N0");
}
