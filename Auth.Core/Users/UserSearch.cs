using System.Text;

namespace Auth.Core.Users;

/// <summary>
/// What a typed query means: nothing (newest first), an id, an e-mail prefix (it has an @), a phone prefix (only digits
/// and phone punctuation), or else a prefix of the e-mail or the name. Prefixes only: a substring search cannot use an
/// index and scans every user (ADR 0011).
/// </summary>
public sealed record UserSearch(string Signature, string? ExactId, IReadOnlyList<UserStream> Streams)
{
    /// <summary>A typed search (its streams read rows through a second index), as opposed to a plain listing.</summary>
    public bool IsSearch { get; init; }

    /// <summary>The filter a search applies per matching row; a plain listing builds it into its streams instead.</summary>
    public UserFilter? Residual { get; init; }

    /// <summary>
    /// This search under <paramref name="filter"/> and <paramref name="sort"/>. A listing walks the sign-up index, or
    /// one partition index range per (disabled, verified) combination merged in sign-up order (ADR 0022); a search
    /// keeps its prefix streams and key order, and checks the filter on each row of its prefix range.
    /// </summary>
    public UserSearch Filtered(UserFilter filter, UserSort sort)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (IsSearch) return filter.IsEmpty ? this : this with { Signature = Signature + filter.Signature, Residual = filter };
        var descending = sort == UserSort.Newest;
        IReadOnlyList<UserStream> streams = filter.NeedsPartitions
            ? filter.Partitions().Select(p => (UserStream)new SignUpStream(filter, p, descending)).ToList()
            : filter.IsEmpty && descending ? Streams : [new SignUpStream(filter, null, descending)];
        return this with { Signature = filter.Signature + (descending ? "" : "|oldest"), Streams = streams };
    }

    public static UserSearch Parse(string? query, bool ordinalRanges)
    {
        var q = query?.Trim() ?? "";
        if (q.Length == 0) return new("", null, [new NewestFirstStream()]);
        return ParseQuery(q, ordinalRanges) with { IsSearch = true };
    }

    private static UserSearch ParseQuery(string q, bool ordinalRanges)
    {
        var folded = q.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var exactId = UserId.IsValid(folded) ? folded : null;
        if (folded.Contains('@', StringComparison.Ordinal))
        {
            var email = EmailAddress.Normalize(q) is { IsSuccess: true } full ? full.Value.Normalized : folded;
            return new("e:" + email, exactId, [new EmailPrefixStream(email, ordinalRanges)]);
        }
        if (PhonePrefix(q) is { } phone) return new("p:" + phone, exactId, [new PhonePrefixStream(phone, ordinalRanges)]);
        var name = UserSearchText.NormalizeName(q)!;
        return new("t:" + folded, exactId,
            [new EmailPrefixStream(folded, ordinalRanges), new NamePrefixStream(name, ordinalRanges, skipEmailMatches: true)]);
    }

    /// <summary>"+1 (555) 010-2" → "+15550102": numbers are stored in E.164, so a typed number is a prefix of it.</summary>
    private static string? PhonePrefix(string q)
    {
        if (!q.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.')) return null;
        var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 2 && q.IndexOf('+', StringComparison.Ordinal) <= 0 ? "+" + digits : null;
    }
}
