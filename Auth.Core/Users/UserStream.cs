using Auth.Core.Data.Entities;

namespace Auth.Core.Users;

/// <summary>Where a stream stopped: the key and id of the last user it handed out.</summary>
public sealed record StreamPosition(string Key, string Id);

/// <summary>
/// One index-ordered source of users for a listing: newest first by sign-up, or a prefix of the normalised e-mail,
/// name or phone in key order. Every query seeks into one index and walks it, so its cost is the page size, not the
/// table size (ADR 0011). The position after the last user read is the keyset cursor's part for this stream.
/// </summary>
public abstract class UserStream(string code)
{
    /// <summary>One letter naming the stream inside a cursor.</summary>
    public string Code { get; } = code;

    /// <summary>The stream's users after <paramref name="after"/> (all of them when null), in the stream's order.</summary>
    public abstract IQueryable<User> After(IQueryable<User> users, StreamPosition? after);

    public abstract StreamPosition PositionOf(User user);

    /// <summary>True when the stream walks its index backwards (newest first); merged streams all run one way.</summary>
    public virtual bool Descending => false;

    /// <summary>What the total counts; a stream may count a superset when that stays inside its index (an estimate).</summary>
    public virtual IQueryable<User> ForCount(IQueryable<User> users) => After(users, null);

    /// <summary>Ordinal (key, id) order across streams, for merging pages; each stream resumes from its own position.</summary>
    public static int Compare(StreamPosition a, StreamPosition b)
    {
        var byKey = string.CompareOrdinal(a.Key, b.Key);
        return byKey != 0 ? byKey : string.CompareOrdinal(a.Id, b.Id);
    }
}

/// <summary>Every user, newest sign-up first (then id, descending): the (SignUpAt, Id) index walked backwards.</summary>
public sealed class NewestFirstStream() : UserStream("t")
{
    public override bool Descending => true;

    public override IQueryable<User> After(IQueryable<User> users, StreamPosition? after)
    {
        if (after is not null)
        {
            var at = new DateTime(long.Parse(after.Key, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var id = after.Id;
            // "SignUpAt <= at" is the range the index seeks; the rest only skips the few rows that share the instant.
            users = users.Where(u => u.SignUpAt <= at && (u.SignUpAt < at || string.Compare(u.Id, id) < 0));
        }
        return users.OrderByDescending(u => u.SignUpAt).ThenByDescending(u => u.Id);
    }

    public override StreamPosition PositionOf(User user) =>
        new(user.SignUpAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), user.Id);
}
