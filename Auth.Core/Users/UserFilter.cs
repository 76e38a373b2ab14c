using Auth.Core.Data.Entities;

namespace Auth.Core.Users;

/// <summary>The order of a listing without a search (a search is always in its key's order).</summary>
public enum UserSort
{
    Newest,
    Oldest,
}

/// <summary>
/// What a listing keeps: <see cref="Verified"/> means at least one identifier (e-mail or phone) is verified; the sign-up
/// range is [<see cref="SignedUpFrom"/>, <see cref="SignedUpTo"/>). Null keeps every user on that dimension.
/// </summary>
public sealed record UserFilter(bool? Verified = null, bool? Disabled = null, string? Provider = null, DateTime? SignedUpFrom = null, DateTime? SignedUpTo = null)
{
    public static readonly UserFilter None = new();

    public bool IsEmpty => this == None;

    /// <summary>True when a partition stream must serve the listing (an equality filter; a range alone walks the sign-up index).</summary>
    public bool NeedsPartitions => Verified is not null || Disabled is not null || Provider is not null;

    /// <summary>Goes into the cursor: a cursor only pages on under the filter it was issued for.</summary>
    public string Signature =>
        IsEmpty ? "" : $"|v{Flag(Verified)}d{Flag(Disabled)}p{Provider}f{SignedUpFrom?.Ticks}t{SignedUpTo?.Ticks}";

    private static string Flag(bool? value) => value switch { true => "1", false => "0", null => "" };

    /// <summary>
    /// The (disabled, e-mail verified, phone verified) combinations the filter keeps. Each is one equality prefix of the
    /// partition indexes, so each is a seek, and they are disjoint, so merging them lists each user once.
    /// </summary>
    public IEnumerable<(bool Disabled, bool EmailVerified, bool PhoneVerified)> Partitions()
    {
        bool[] both = [false, true];
        foreach (var disabled in Disabled is { } d ? [d] : both)
        foreach (var email in both)
        foreach (var phone in both)
        {
            var verified = email || phone;
            if (Verified is { } v && v != verified) continue;
            yield return (disabled, email, phone);
        }
    }

    /// <summary>
    /// The filter as a plain predicate, for a search whose own prefix index decides the order (checked per matching row).
    /// Written so no other index can serve it: given "Provider = ?" SQLite would seek the provider index and sort the
    /// search's matches instead, so the provider is compared as an expression and a flag with "&lt;&gt;".
    /// </summary>
    public IQueryable<User> Apply(IQueryable<User> users)
    {
        if (Verified is { } verified) users = verified ? users.Where(u => u.EmailVerified || u.PhoneVerified) : users.Where(u => !u.EmailVerified && !u.PhoneVerified);
        if (Disabled is { } disabled)
        {
            var other = !disabled;
            users = users.Where(u => u.Disabled != other);
        }
        if (Provider is { } provider) users = users.Where(u => u.Provider + "" == provider);
        if (SignedUpFrom is { } from) users = users.Where(u => u.SignUpAt >= from);
        if (SignedUpTo is { } to) users = users.Where(u => u.SignUpAt < to);
        return users;
    }
}

/// <summary>The bounds a listing filter must keep.</summary>
public static class UserFilterRules
{
    public const int MaxProviderLength = 32;

    public static Errors.AuthError? Check(UserFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Provider is { Length: 0 or > MaxProviderLength })
            return Errors.AuthError.Validation("provider", $"A provider name has 1 to {MaxProviderLength} characters.");
        if (filter.SignedUpFrom is { } from && filter.SignedUpTo is { } to && from >= to)
            return Errors.AuthError.Validation("signedUpTo", "The end of the sign-up range must come after its start.");
        return null;
    }
}
