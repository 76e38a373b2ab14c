namespace Auth.Core.Errors;

/// <summary>
/// An expected failure: a stable <see cref="Code"/> (never renamed), a human message,
/// and optional details such as the offending fields of a validation error.
/// </summary>
public sealed record AuthError(string Code, string Message, IReadOnlyDictionary<string, object?>? Details = null)
{
    /// <summary>Seconds the caller should wait before trying again (rate limits).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static AuthError Validation(IReadOnlyDictionary<string, string> fields) =>
        new(AuthErrors.ValidationError, "The request is not valid.",
            new Dictionary<string, object?> { ["fields"] = fields });

    public static AuthError Validation(string field, string message) =>
        Validation(new Dictionary<string, string> { [field] = message });
}
