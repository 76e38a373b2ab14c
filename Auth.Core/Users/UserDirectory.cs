using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>A listing request: a search (or none), and either a cursor from the previous page or a small page number.</summary>
public sealed record UserListRequest(
    string? Query, int PageSize = UserDirectory.DefaultPageSize, string? Cursor = null, int? Page = null, UserFilter? Filter = null, UserSort Sort = UserSort.Newest);

/// <summary>
/// One page. <see cref="Total"/> stops counting at <see cref="UserDirectory.CountCap"/>, or
/// <see cref="UserDirectory.SearchCountCap"/> for a search (<see cref="TotalCapped"/>: "10,000+"); <see cref="Page"/> is null for a cursor request; <see cref="NextCursor"/> is null on the last page.
/// </summary>
public sealed record UserPage(IReadOnlyList<User> Items, int Total, bool TotalCapped, int? Page, int PageSize, string? NextCursor);

/// <summary>Operator-side look-ups of users: listing and search with keyset paging, detail, delete (ADR 0011).</summary>
public sealed class UserDirectory(IDbContextFactory<AuthDbContext> dbFactory, UserCursorCodec cursors, Activity.ActivityRecorder activity)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Counting stops here: a count over a million rows would cost more than the page itself.</summary>
    public const int CountCap = 10_000;

    /// <summary>A search counts less far: its rows are read through a second index, not only walked.</summary>
    public const int SearchCountCap = 1_000;

    /// <summary>Page numbers reach this many rows; later rows need the cursor (an offset walks every row it skips).</summary>
    public const int MaxOffsetRows = 1_000;

    public async Task<Result<UserPage>> ListAsync(UserListRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filter = request.Filter ?? UserFilter.None;
        if (UserFilterRules.Check(filter) is { } invalid) return invalid;
        var search = UserSearch.Parse(request.Query, ordinalRanges: db.Database.IsSqlite()).Filtered(filter, request.Sort);
        var users = search.Residual is { } residual ? residual.Apply(db.Users.AsNoTracking()) : db.Users.AsNoTracking();

        if (!string.IsNullOrEmpty(request.Cursor))
        {
            if (cursors.Open(request.Cursor) is not { } state)
                return AuthError.Validation("cursor", "This cursor is not valid: it was changed, cut short, or not issued by this server. Start again without a cursor.");
            if (state.Search != search.Signature)
                return AuthError.Validation("cursor", "This cursor belongs to another search: send the same query as the page it came from.");
            var streams = search.Streams.Where(s => state.Open.ContainsKey(s.Code)).ToList();
            var read = await UserPageReader.ReadAsync(users, streams, state.Open, skip: 0, pageSize, ct);
            return new UserPage(read.Items, state.Total, state.TotalCapped, null, pageSize, Next(search, state.Total, state.TotalCapped, read));
        }

        var page = Math.Max(1, request.Page ?? 1);
        var skip = (long)(page - 1) * pageSize;
        if (skip + pageSize > MaxOffsetRows)
            return AuthError.Validation("page", $"Page numbers reach the first {MaxOffsetRows:N0} users; for later pages follow nextCursor from the previous page.");

        if (search.ExactId is { } id && await users.SingleOrDefaultAsync(u => u.Id == id, ct) is { } byId)
            return new UserPage(page == 1 ? [byId] : [], 1, false, page, pageSize, null);

        var (total, capped) = await CountAsync(users, search.Streams, search.IsSearch ? SearchCountCap : CountCap, ct);
        var start = search.Streams.ToDictionary(s => s.Code, _ => (StreamPosition?)null);
        var first = await UserPageReader.ReadAsync(users, search.Streams, start, (int)skip, pageSize, ct);
        return new UserPage(first.Items, total, capped, page, pageSize, Next(search, total, capped, first));
    }

    private string? Next(UserSearch search, int total, bool capped, PageRead read) =>
        read.Open.Count == 0 ? null : cursors.Seal(new UserCursorState(search.Signature, total, capped, read.Open));

    /// <summary>Counts each stream up to the cap (an index range walk of at most <paramref name="cap"/> entries).</summary>
    private static async Task<(int Total, bool Capped)> CountAsync(IQueryable<User> users, IReadOnlyList<UserStream> streams, int cap, CancellationToken ct)
    {
        var total = 0;
        foreach (var stream in streams)
            total += await stream.ForCount(users).Take(cap + 1).CountAsync(ct);
        return total > cap ? (cap, true) : (total, false);
    }

    public async Task<User?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>Deletes the user; sessions and one-time tokens go with it (cascade).</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return false;
        db.Users.Remove(user);
        activity.Add(db, Activity.EventTypes.UserDeleted, id, actor: Activity.Actor.OperatorOrSystem);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
