using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>The sample data of previews and of the save-time check: what a real message of each type would carry.</summary>
public static class MessageSamples
{
    public static readonly MessageUser User = new("Jane Doe", "jane@example.com", "+15555550100", true, true);

    /// <summary>The sample of <paramref name="type"/>, with a verify link of the sample key that never works.</summary>
    public static MessageModel For(string type, AuthSettings settings, IAuthUrls urls, DateTime now, MessageUser? user = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return For(type, settings, action => urls.VerifyLink("sample-key", action), now, user);
    }

    /// <summary>The sample of <paramref name="type"/>, with the link <paramref name="sampleLink"/> gives for its action.</summary>
    public static MessageModel For(string type, AuthSettings settings, Func<string, string> sampleLink, DateTime now, MessageUser? user = null)
    {
        ArgumentNullException.ThrowIfNull(sampleLink);
        ArgumentNullException.ThrowIfNull(settings);
        user ??= User;
        var action = ActionTypes.ForMessage(type);
        var redirect = settings.RedirectURLs.FirstOrDefault(u => !u.Contains('*', StringComparison.Ordinal)) ?? "https://example.com/auth-redirect";
        var isSms = MessageType.IsSms(type);
        var ttl = TimeSpan.FromSeconds(isSms ? settings.Phone.CodeExpiresIn : settings.Email.LinkExpiresIn);
        var token = new MessageToken(
            Code: isSms ? "123456" : null,
            ConfirmationUrl: isSms ? null : type == MessageType.AccountExists ? redirect : sampleLink(action),
            RedirectUrl: isSms ? null : redirect,
            Email: isSms ? null : type == MessageType.ConfirmEmailChange ? "jane.new@example.com" : user.Email,
            Phone: isSms ? user.Phone : null,
            ExpiresAt: now + ttl,
            ExpiresIn: ttl,
            ActionType: action);
        return new MessageModel(user, token, settings.App.Name);
    }
}
