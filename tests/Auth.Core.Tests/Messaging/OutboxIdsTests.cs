using Auth.Core.Messaging;

namespace Auth.Core.Tests.Messaging;

public sealed class OutboxIdsTests
{
    [Fact]
    public void Next_SameClockTick_SortsInTheOrderWritten()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 1000).Select(_ => OutboxIds.Next(now)).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public void Next_ClockGoesBack_StillSortsAfterEarlierIds()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var first = OutboxIds.Next(now);
        var second = OutboxIds.Next(now.AddMinutes(-5));

        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} then {second}");
    }

    [Fact]
    public void Next_ParallelWriters_NeverShareAnOrderPosition()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4000, _ => ids.Add(OutboxIds.Next(now)));

        Assert.Equal(4000, ids.Select(id => id[..16]).Distinct().Count());
    }
}
