using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Auth.Core.Data.Entities;
using Auth.Core.Settings;

namespace Auth.Runtime.Messaging;

/// <summary>
/// One SMS gateway spoken over plain HTTP (no SDK): each subclass builds its request and reads its errors.
/// Requests are bounded by <see cref="MessagingOptions.SendTimeout"/>; 5xx, 429 and network failures are
/// retried, other refusals are final.
/// </summary>
public abstract class SmsSender(HttpClient http, MessagingOptions options)
{
    public abstract SmsProvider Provider { get; }

    protected abstract string Name { get; }

    protected abstract HttpRequestMessage? BuildRequest(OutboxMessage message, SmsSettings settings, out string? problem);

    /// <summary>The provider's error text from a response body (null when it does not say).</summary>
    protected abstract string? ReadError(HttpStatusCode status, JsonElement? body);

    /// <summary>A 2xx answer can still be a refusal (Vonage); null means delivered.</summary>
    protected virtual SendOutcome? ReadSuccess(JsonElement? body) => null;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, SmsSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = BuildRequest(message, settings, out var problem);
        if (request is null) return SendOutcome.Reject($"{Name}: {problem}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.SendTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var body = TryParse(text);
            if (response.IsSuccessStatusCode) return ReadSuccess(body) ?? SendOutcome.Ok;

            var error = $"{Name} {(int)response.StatusCode}: {ReadError(response.StatusCode, body) ?? Snippet(text)}";
            var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            return transient ? SendOutcome.Retry(error) : SendOutcome.Reject(error);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Retry($"{Name} did not answer within {options.SendTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            return SendOutcome.Retry($"{Name}: {ex.Message}");
        }
    }

    protected static Uri Endpoint(string? baseUrl, string defaultBase, string path) =>
        new((string.IsNullOrWhiteSpace(baseUrl) ? defaultBase : baseUrl.Trim()).TrimEnd('/') + path);

    private static JsonElement? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    protected static string? Str(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var p)
            ? p.ValueKind == JsonValueKind.String ? p.GetString() : p.ToString()
            : null;

    private static string Snippet(string text) =>
        string.IsNullOrWhiteSpace(text) ? "no error text" : text.Length <= 300 ? text.Trim() : text[..300].Trim() + "…";
}
