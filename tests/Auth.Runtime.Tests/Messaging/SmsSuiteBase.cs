using System.Text.RegularExpressions;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>Phone suites: phone auth on, Twilio pointed at a loopback fake that answers like Twilio.</summary>
public abstract partial class SmsSuiteBase(AppFixture fixture) : MessagingSuiteBase(fixture)
{
    public const string TwilioSid = "AC0123456789abcdef0123456789abcdef";
    public const string TwilioToken = "twilio-auth-token";
    public const string TwilioFrom = "+15005550006";

    public static readonly FakeAnswer TwilioQueued = new(201,
        """{"sid":"SM1234567890abcdef1234567890abcdef","status":"queued","to":"+14155550100","from":"+15005550006","error_code":null,"error_message":null}""");

    protected SmsProviderFake Sms { get; private set; } = null!;

    protected object TwilioPatch => new { twilio = new { accountSid = TwilioSid, authToken = TwilioToken, from = TwilioFrom, apiBaseUrl = Sms.BaseUrl } };

    protected override object? Baseline => new
    {
        smtp = SmtpPatch,
        phone = new { enabled = true },
        sms = TwilioPatch,
        security = new { sendCooldownSeconds = 0 },
    };

    public override async ValueTask InitializeAsync()
    {
        Sms = await SmsProviderFake.StartAsync(TwilioQueued);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Sms.DisposeAsync();
        await base.DisposeAsync();
    }

    protected static string NewPhone() => "+1415" + Random.Shared.Next(2_000_000, 9_999_999);

    /// <summary>Requests the fake got for <paramref name="phone"/> (Twilio's form field To).</summary>
    protected IReadOnlyList<RecordedRequest> TextsTo(string phone) =>
        [.. Sms.Requests.Where(r => r.Form.GetValueOrDefault("To") == phone)];

    /// <summary>Dispatches until the <paramref name="nth"/> SMS to <paramref name="phone"/> arrived and returns its code.</summary>
    protected async Task<string> CodeAsync(string phone, int nth = 1)
    {
        await Eventually.Until(async () =>
        {
            if (TextsTo(phone).Count >= nth) return true;
            await Dispatcher.DispatchOnceAsync(Ct);
            return TextsTo(phone).Count >= nth;
        }, () => $"SMS #{nth} to {phone}; got {TextsTo(phone).Count}");
        var body = TextsTo(phone)[nth - 1].Form["Body"];
        return SixDigits().Match(body).Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
