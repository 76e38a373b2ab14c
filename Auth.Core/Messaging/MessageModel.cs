using Auth.Core.Data.Entities;
using Scriban.Runtime;

namespace Auth.Core.Messaging;

/// <summary>The <c>user</c> a message is about. Only these members are visible to templates.</summary>
public sealed record MessageUser(string? Name, string? Email, string? Phone, bool EmailVerified = false, bool PhoneVerified = false)
{
    public static MessageUser From(User user) => new(user.Name, user.Email, user.Phone, user.EmailVerified, user.PhoneVerified);
}

/// <summary>The <c>token</c> a message carries: a link, a code, or both null in a preview.</summary>
public sealed record MessageToken(
    string? Code,
    string? ConfirmationUrl,
    string? RedirectUrl,
    string? Email,
    string? Phone,
    DateTime ExpiresAt,
    TimeSpan ExpiresIn,
    string ActionType);

/// <summary>
/// The whole template model of the README (Messages: <c>user</c>, <c>token</c>, <c>app</c>), turned into plain script
/// objects so a template can reach these values and nothing else of the process.
/// </summary>
public sealed record MessageModel(MessageUser User, MessageToken Token, string AppName)
{
    /// <summary>Top-level names a template may use besides the built-in functions.</summary>
    public static IReadOnlySet<string> RootNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "user", "token", "app" };

    internal ScriptObject ToScriptObject()
    {
        var user = new ScriptObject
        {
            ["name"] = User.Name,
            ["email"] = User.Email,
            ["phone"] = User.Phone,
            ["emailVerified"] = User.EmailVerified,
            ["phoneVerified"] = User.PhoneVerified,
        };
        // Member names stay as the Agnost client API's templates write them: confirmationURL, redirectURL.
        var token = new ScriptObject
        {
            ["code"] = Token.Code,
            ["confirmationURL"] = Token.ConfirmationUrl,
            ["redirectURL"] = Token.RedirectUrl,
            ["email"] = Token.Email,
            ["phone"] = Token.Phone,
            ["expiresAt"] = Token.ExpiresAt,
            ["expiresIn"] = Duration.Humanize(Token.ExpiresIn),
            ["actionType"] = Token.ActionType,
        };
        var app = new ScriptObject { ["name"] = AppName };
        // The model's objects are read-only; the root stays writable so templates can assign their own variables.
        var root = new ScriptObject();
        foreach (var (name, child) in new[] { ("user", user), ("token", token), ("app", app) })
        {
            child.IsReadOnly = true;
            root.SetValue(name, child, readOnly: true);
        }
        return root;
    }
}
