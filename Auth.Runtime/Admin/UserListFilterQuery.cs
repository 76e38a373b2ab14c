using System.Globalization;
using Auth.Core.Errors;
using Auth.Core.Users;

namespace Auth.Runtime.Admin;

/// <summary>
/// The list's filter parameters as sent (<c>verified</c>, <c>disabled</c>: true/false; <c>provider</c>; <c>signedUpFrom</c>,
/// <c>signedUpTo</c>: ISO 8601, UTC, end excluded; <c>sort</c>: newest/oldest), parsed here so a bad value is a
/// validation_error naming the parameter rather than the framework's bare 400.
/// </summary>
internal sealed record UserListFilterQuery(string? Verified, string? Disabled, string? Provider, string? SignedUpFrom, string? SignedUpTo, string? Sort)
{
    public Result<(UserFilter Filter, UserSort Sort)> Parse()
    {
        var problems = new Dictionary<string, string>();
        var filter = new UserFilter(
            Flag(Verified, "verified", problems), Flag(Disabled, "disabled", problems),
            string.IsNullOrEmpty(Provider) ? null : Provider,
            Time(SignedUpFrom, "signedUpFrom", problems), Time(SignedUpTo, "signedUpTo", problems));
        var sort = UserSort.Newest;
        if (Sort is { Length: > 0 } s && !Enum.TryParse(s, ignoreCase: true, out sort))
            problems["sort"] = "sort is newest or oldest.";
        return problems.Count > 0 ? AuthError.Validation(problems) : (filter, sort);
    }

    private static bool? Flag(string? value, string name, Dictionary<string, string> problems)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (bool.TryParse(value, out var flag)) return flag;
        problems[name] = $"{name} is true or false.";
        return null;
    }

    private static DateTime? Time(string? value, string name, Dictionary<string, string> problems)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return DateTime.SpecifyKind(at, DateTimeKind.Utc);
        problems[name] = $"{name} is an ISO 8601 date or time (UTC when no offset is given).";
        return null;
    }
}
