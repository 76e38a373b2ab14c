using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Auth.Core.Data.Entities;
using Auth.Core.Settings;

namespace Auth.Runtime.Messaging;

/// <summary>
/// Twilio's Messages API: <c>POST {base}/2010-04-01/Accounts/{sid}/Messages.json</c>, basic auth sid:token,
/// form To/Body and From (or MessagingServiceSid when the sender is an "MG…" service SID).
/// </summary>
public sealed class TwilioSmsSender(HttpClient http, MessagingOptions options) : SmsSender(http, options)
{
    public const string DefaultBaseUrl = "https://api.twilio.com";

    public override SmsProvider Provider => SmsProvider.Twilio;

    protected override string Name => "Twilio";

    protected override HttpRequestMessage? BuildRequest(OutboxMessage message, SmsSettings settings, out string? problem)
    {
        var twilio = settings.Twilio;
        if (string.IsNullOrWhiteSpace(twilio.AccountSid) || string.IsNullOrWhiteSpace(twilio.AuthToken) || string.IsNullOrWhiteSpace(twilio.From))
        {
            problem = "accountSid, authToken and from are required.";
            return null;
        }
        problem = null;
        var sid = twilio.AccountSid.Trim();
        var from = twilio.From.Trim();
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", message.To),
            new(from.StartsWith("MG", StringComparison.Ordinal) ? "MessagingServiceSid" : "From", from),
            new("Body", message.Body),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(twilio.ApiBaseUrl, DefaultBaseUrl, $"/2010-04-01/Accounts/{Uri.EscapeDataString(sid)}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{twilio.AuthToken}")));
        return request;
    }

    // {"code": 21211, "message": "The 'To' number … is not a valid phone number.", "more_info": "…", "status": 400}
    protected override string? ReadError(HttpStatusCode status, JsonElement? body) =>
        Str(body, "message") is { } text ? Str(body, "code") is { } code ? $"{text} (code {code})" : text : null;
}
