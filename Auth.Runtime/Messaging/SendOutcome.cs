namespace Auth.Runtime.Messaging;

/// <summary>What a sender reports: delivered, or an error that is worth retrying or not.</summary>
public sealed record SendOutcome(bool Delivered, bool Permanent, string? Error)
{
    public static readonly SendOutcome Ok = new(true, false, null);

    public static SendOutcome Retry(string error) => new(false, false, Bound(error));

    public static SendOutcome Reject(string error) => new(false, true, Bound(error));

    // The outbox column holds 2000 characters; a provider's whole HTML error page is not needed.
    private static string Bound(string error) => error.Length <= 1900 ? error : error[..1900] + "…";
}
