namespace Auth.Core.Data.Entities;

/// <summary>
/// One fixed-window counter shared by every node: how many times <see cref="Key"/> was taken in the
/// window that ends at <see cref="WindowEndsAt"/>. Only <see cref="Throttling.Throttles"/> writes it,
/// with single atomic statements.
/// </summary>
public sealed class Throttle
{
    /// <summary>What is counted, e.g. <c>cooldown:magic-link:ann@example.com</c> or <c>sms:ip:203.0.113.7</c>.</summary>
    public string Key { get; set; } = "";

    public DateTime WindowEndsAt { get; set; }

    public int Count { get; set; }

    /// <summary>When the last successful take happened; for a full counter, when the limit was reached.</summary>
    public DateTime UpdatedAt { get; set; }
}
