namespace Auth.Core.Sessions;

/// <summary>
/// JWT <c>typ</c> header values. Each token kind has its own type, and validation pins exactly one,
/// so a token minted for one audience of the API can never be replayed against another.
/// </summary>
public static class TokenTypes
{
    /// <summary>End-user sessions of the auth runtime.</summary>
    public const string Session = "auth-session+jwt";

    /// <summary>Studio operators and the management API.</summary>
    public const string Operator = "auth-operator+jwt";
}
