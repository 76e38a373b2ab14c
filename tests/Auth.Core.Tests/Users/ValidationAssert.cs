using Auth.Core.Errors;

namespace Auth.Core.Tests.Users;

internal static class ValidationAssert
{
    /// <summary>Asserts a validation_error naming <paramref name="field"/> and returns its message.</summary>
    public static string IsFieldError(AuthError? error, string field)
    {
        Assert.NotNull(error);
        Assert.Equal(AuthErrors.ValidationError, error.Code);
        var fields = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(error.Details?["fields"]);
        return Assert.Contains(field, fields);
    }
}
