namespace Auth.Core.Settings;

/// <summary>
/// The verdict on one candidate redirect URL: the allow-list entry that allowed it, or why none did.
/// <see cref="NormalizedCandidate"/> is the URL to redirect to (normalised, fragment dropped, query kept).
/// </summary>
public sealed record RedirectUrlMatch(string? MatchedEntry, string? Reason, string? NormalizedCandidate)
{
    public bool IsMatch => MatchedEntry is not null;

    public static RedirectUrlMatch Allowed(string entry, string normalizedCandidate) => new(entry, null, normalizedCandidate);

    public static RedirectUrlMatch Refused(string reason, string? normalizedCandidate = null) => new(null, reason, normalizedCandidate);
}
