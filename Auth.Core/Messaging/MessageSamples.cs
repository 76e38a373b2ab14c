using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>The sample data of previews and of the save-time check: what a real message of each type would carry.</summary>
public static class MessageSamples
{
    public static readonly MessageUser User = new("Jane Doe", "jane@example.com", "+15555550100", true, true);

    public static MessageModel For(string type, AuthSettings settings, string publicBaseUrl, DateTime now, MessageUser? user = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        user ??= User;
        var action = ActionTypes.ForMessage(type);
        var redirect = settings.RedirectURLs.FirstOrDefault(u => !u.Contains('*', StringComparison.Ordinal)) ?? "https://example.com/auth-redirect";
        var isSms = MessageType.IsSms(type);
        var ttl = TimeSpan.FromSeconds(isSms ? settings.Phone.CodeExpiresIn : settings.Email.LinkExpiresIn);
        var token = new MessageToken(
            Code: isSms ? "123456" : null,
            ConfirmationUrl: isSms ? null : type == MessageType.AccountExists ? redirect : $"{publicBaseUrl.TrimEnd('/')}/auth/verify?key=sample-key&action={action}",
            RedirectUrl: isSms ? null : redirect,
            Email: isSms ? null : type == MessageType.ConfirmEmailChange ? "jane.new@example.com" : user.Email,
            Phone: isSms ? user.Phone : null,
            ExpiresAt: now + ttl,
            ExpiresIn: ttl,
            ActionType: action);
        return new MessageModel(user, token, settings.App.Name);
    }
}
