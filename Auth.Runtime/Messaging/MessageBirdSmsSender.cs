using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.Core.Data.Entities;
using Auth.Core.Settings;

namespace Auth.Runtime.Messaging;

/// <summary>
/// MessageBird's SMS API: <c>POST {base}/messages</c> with <c>Authorization: AccessKey …</c> and JSON
/// originator / recipients (MSISDNs, digits only) / body.
/// </summary>
public sealed class MessageBirdSmsSender(HttpClient http, MessagingOptions options) : SmsSender(http, options)
{
    public const string DefaultBaseUrl = "https://rest.messagebird.com";

    public override SmsProvider Provider => SmsProvider.MessageBird;

    protected override string Name => "MessageBird";

    protected override HttpRequestMessage? BuildRequest(OutboxMessage message, SmsSettings settings, out string? problem)
    {
        var bird = settings.MessageBird;
        if (string.IsNullOrWhiteSpace(bird.AccessKey) || string.IsNullOrWhiteSpace(bird.Originator))
        {
            problem = "accessKey and originator are required.";
            return null;
        }
        problem = null;
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(bird.ApiBaseUrl, DefaultBaseUrl, "/messages"))
        {
            Content = JsonContent.Create(new { originator = bird.Originator.Trim(), recipients = new[] { message.To.TrimStart('+') }, body = message.Body }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("AccessKey", bird.AccessKey.Trim());
        return request;
    }

    // {"errors":[{"code":2,"description":"Request not allowed (incorrect access_key)","parameter":"access_key"}]}
    protected override string? ReadError(HttpStatusCode status, JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            return null;
        var texts = errors.EnumerateArray()
            .Select(e => Str(e, "description") is { } d ? Str(e, "code") is { } c ? $"{d} (code {c})" : d : null)
            .OfType<string>().ToList();
        return texts.Count > 0 ? string.Join("; ", texts) : null;
    }
}
