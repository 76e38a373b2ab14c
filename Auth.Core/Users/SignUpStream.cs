using System.Globalization;
using Auth.Core.Data.Entities;

namespace Auth.Core.Users;

/// <summary>
/// Users by sign-up time (newest or oldest first), inside the filter's sign-up range and, when the filter has equality
/// parts, inside one partition (disabled, e-mail verified, phone verified[, provider]). A partition is the equality
/// prefix of IX_Users_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id (or the one led by Provider), so every page and
/// count seeks one index range and walks it in order; the listing merges the partitions (ADR 0022).
/// </summary>
public sealed class SignUpStream(UserFilter filter, (bool Disabled, bool EmailVerified, bool PhoneVerified)? partition, bool descending)
    : UserStream("s" + (descending ? "d" : "a") + Bits(partition))
{
    public override bool Descending => descending;

    public override IQueryable<User> After(IQueryable<User> users, StreamPosition? after)
    {
        if (partition is { } p)
        {
            if (filter.Provider is { } provider) users = users.Where(u => u.Provider == provider);
            var (disabled, email, phone) = p;
            users = users.Where(u => u.Disabled == disabled && u.EmailVerified == email && u.PhoneVerified == phone);
        }
        if (filter.SignedUpFrom is { } from) users = users.Where(u => u.SignUpAt >= from);
        if (filter.SignedUpTo is { } to) users = users.Where(u => u.SignUpAt < to);
        if (after is not null)
        {
            var at = new DateTime(long.Parse(after.Key, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var id = after.Id;
            // The time bound is the range the index seeks; the id only skips the few rows that share the instant.
            users = descending
                ? users.Where(u => u.SignUpAt <= at && (u.SignUpAt < at || string.Compare(u.Id, id) < 0))
                : users.Where(u => u.SignUpAt >= at && (u.SignUpAt > at || string.Compare(u.Id, id) > 0));
        }
        return descending
            ? users.OrderByDescending(u => u.SignUpAt).ThenByDescending(u => u.Id)
            : users.OrderBy(u => u.SignUpAt).ThenBy(u => u.Id);
    }

    public override StreamPosition PositionOf(User user) =>
        new(user.SignUpAt.Ticks.ToString(CultureInfo.InvariantCulture), user.Id);

    private static string Bits((bool Disabled, bool EmailVerified, bool PhoneVerified)? p) =>
        p is { } x ? $"{B(x.Disabled)}{B(x.EmailVerified)}{B(x.PhoneVerified)}" : "";

    private static char B(bool value) => value ? '1' : '0';
}
