using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>A page read from one or more streams, and where each stream that still has users stands after it.</summary>
public sealed record PageRead(IReadOnlyList<User> Items, Dictionary<string, StreamPosition?> Open);

/// <summary>
/// Reads a page by merging streams: each is asked for its next rows after its own position, the rows are merged in
/// (key, id) order, and each stream's new position is the last of its rows that made the page. A stream is resumed only
/// from its own position, so rows inserted or deleted meanwhile never make a later page repeat or skip a user.
/// </summary>
public static class UserPageReader
{
    public static async Task<PageRead> ReadAsync(
        IQueryable<User> users, IReadOnlyList<UserStream> streams, IReadOnlyDictionary<string, StreamPosition?> from,
        int skip, int pageSize, CancellationToken ct)
    {
        var want = skip + pageSize;
        var heads = new List<(UserStream Stream, List<User> Rows)>();
        foreach (var stream in streams)
        {
            // One more than needed tells whether the stream goes on after this page.
            var rows = await stream.After(users, from.GetValueOrDefault(stream.Code)).Take(want + 1).ToListAsync(ct);
            heads.Add((stream, rows));
        }

        var taken = new List<User>(want);
        var used = new int[heads.Count];
        var last = new StreamPosition?[heads.Count];
        while (taken.Count < want)
        {
            var best = -1;
            StreamPosition? bestPosition = null;
            for (var i = 0; i < heads.Count; i++)
            {
                if (used[i] >= heads[i].Rows.Count) continue;
                var position = heads[i].Stream.PositionOf(heads[i].Rows[used[i]]);
                if (best < 0 || Order(heads[i].Stream, position, bestPosition!) < 0) (best, bestPosition) = (i, position);
            }
            if (best < 0) break;
            taken.Add(heads[best].Rows[used[best]]);
            last[best] = bestPosition;
            used[best]++;
        }

        var open = new Dictionary<string, StreamPosition?>();
        for (var i = 0; i < heads.Count; i++)
        {
            if (used[i] < heads[i].Rows.Count) open[heads[i].Stream.Code] = last[i] ?? from.GetValueOrDefault(heads[i].Stream.Code);
        }
        return new PageRead(taken.Skip(skip).ToList(), open);
    }

    // Streams merged into one page all run the same way (the sign-up partitions of one listing share its sort).
    private static int Order(UserStream stream, StreamPosition a, StreamPosition b) =>
        stream.Descending ? -UserStream.Compare(a, b) : UserStream.Compare(a, b);
}
