using System.Net;
using System.Text.Json;
using Auth.Core.Data.Entities;
using Auth.Core.Settings;

namespace Auth.Runtime.Messaging;

/// <summary>
/// Vonage's SMS API: <c>POST {base}/sms/json</c>, form api_key / api_secret / from / to / text. It answers
/// 200 even when it refuses; <c>messages[0].status</c> other than "0" is the error, with <c>error-text</c>.
/// </summary>
public sealed class VonageSmsSender(HttpClient http, MessagingOptions options) : SmsSender(http, options)
{
    public const string DefaultBaseUrl = "https://rest.nexmo.com";

    // 1 = throttled, 5 = internal error: worth another try; the rest are refusals.
    private static readonly HashSet<string> TransientStatuses = ["1", "5"];

    public override SmsProvider Provider => SmsProvider.Vonage;

    protected override string Name => "Vonage";

    protected override HttpRequestMessage? BuildRequest(OutboxMessage message, SmsSettings settings, out string? problem)
    {
        var vonage = settings.Vonage;
        if (string.IsNullOrWhiteSpace(vonage.ApiKey) || string.IsNullOrWhiteSpace(vonage.ApiSecret) || string.IsNullOrWhiteSpace(vonage.From))
        {
            problem = "apiKey, apiSecret and from are required.";
            return null;
        }
        problem = null;
        return new HttpRequestMessage(HttpMethod.Post, Endpoint(vonage.ApiBaseUrl, DefaultBaseUrl, "/sms/json"))
        {
            Content = new FormUrlEncodedContent(
            [
                new("api_key", vonage.ApiKey.Trim()),
                new("api_secret", vonage.ApiSecret),
                new("from", vonage.From.Trim()),
                new("to", message.To.TrimStart('+')),
                new("text", message.Body),
            ]),
        };
    }

    protected override SendOutcome? ReadSuccess(JsonElement? body)
    {
        var first = FirstMessage(body);
        var status = Str(first, "status");
        if (status is null) return SendOutcome.Retry("Vonage: the answer had no message status.");
        if (status == "0") return null;
        var error = $"Vonage status {status}: {Str(first, "error-text") ?? "no error text"}";
        return TransientStatuses.Contains(status) ? SendOutcome.Retry(error) : SendOutcome.Reject(error);
    }

    protected override string? ReadError(HttpStatusCode status, JsonElement? body) =>
        Str(FirstMessage(body), "error-text") ?? Str(body, "error-text") ?? Str(body, "title");

    private static JsonElement? FirstMessage(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("messages", out var messages)
        && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            ? messages[0]
            : null;
}
