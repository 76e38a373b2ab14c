namespace Auth.Core.Errors;

/// <summary>Collects the offending fields of several checks, so one validation_error names them all.</summary>
internal static class ValidationFields
{
    /// <summary>Copies the fields of a validation error (nothing for null or any other error) into <paramref name="problems"/>.</summary>
    public static void Merge(Dictionary<string, string> problems, AuthError? error)
    {
        if (error?.Details?["fields"] is IReadOnlyDictionary<string, string> fields)
            foreach (var (key, value) in fields) problems[key] = value;
    }
}
