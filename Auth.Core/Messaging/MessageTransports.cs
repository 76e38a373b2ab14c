using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>Whether the settings name a way to deliver each channel; without one, messages are captured.</summary>
public static class MessageTransports
{
    public static bool HasEmail(AuthSettings settings) => !string.IsNullOrWhiteSpace(settings.Smtp.Host);

    public static bool HasSms(AuthSettings settings) => settings.Phone.SmsProvider switch
    {
        SmsProvider.Twilio => Set(settings.Sms.Twilio.AccountSid, settings.Sms.Twilio.AuthToken, settings.Sms.Twilio.From),
        SmsProvider.MessageBird => Set(settings.Sms.MessageBird.AccessKey, settings.Sms.MessageBird.Originator),
        SmsProvider.Vonage => Set(settings.Sms.Vonage.ApiKey, settings.Sms.Vonage.ApiSecret, settings.Sms.Vonage.From),
        _ => false,
    };

    public static bool Has(AuthSettings settings, string channel) =>
        channel == OutboxChannel.Sms ? HasSms(settings) : HasEmail(settings);

    private static bool Set(params string?[] values) => values.All(v => !string.IsNullOrWhiteSpace(v));
}
