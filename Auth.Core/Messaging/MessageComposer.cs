using Auth.Core.Errors;
using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>Renders one message type of the published settings for one recipient.</summary>
public sealed class MessageComposer(TemplateRenderer renderer, TemplateCache cache, ISettingsReader settingsReader)
{
    public async Task<Result<ComposedMessage>> ComposeAsync(string type, string to, MessageModel model, CancellationToken ct = default)
    {
        var snapshot = settingsReader.Current;
        var rendered = await RenderAsync(snapshot.Settings, type, model, t => cache.Get(snapshot.Revision, t), ct);
        if (rendered.Errors.Count > 0)
        {
            return new AuthError(AuthErrors.MessageTemplateError,
                $"The {type} message template could not be rendered; fix it in the studio.",
                new Dictionary<string, object?> { ["errors"] = rendered.Errors.Select(e => e.ToString()).ToList() });
        }

        return Compose(snapshot.Settings, type, to, rendered);
    }

    /// <summary>The outbox-ready message of a successful <paramref name="rendered"/>, with its sender from <paramref name="settings"/>.</summary>
    public static ComposedMessage Compose(AuthSettings settings, string type, string to, RenderedMessage rendered)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rendered);
        var template = settings.Messages.Get(type);
        var channel = MessageType.ChannelOf(type);
        return channel == MessageChannel.Email
            ? new ComposedMessage(channel, type, to, rendered.Subject, rendered.Html!, rendered.Text,
                NullIfBlank(template.FromEmail) ?? NullIfBlank(settings.Smtp.FromEmail),
                HeaderText.Clean(NullIfBlank(template.FromName) ?? settings.Smtp.FromName ?? settings.App.Name))
            : new ComposedMessage(channel, type, to, null, rendered.Text!, null, null, null);
    }

    /// <summary>
    /// Renders subject and body of <paramref name="type"/> from <paramref name="settings"/> (published or draft).
    /// E-mail bodies are HTML with encoded values, plus a text part derived from them.
    /// </summary>
    public async Task<RenderedMessage> RenderAsync(
        AuthSettings settings, string type, MessageModel model, Func<string?, ParsedTemplate> parse, CancellationToken ct,
        string? subjectOverride = null, string? bodyOverride = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var template = settings.Messages.Get(type);
        var errors = new List<TemplateProblem>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);

        if (MessageType.IsSms(type))
        {
            var sms = await renderer.RenderAsync(parse(bodyOverride ?? template.Body), model, RenderMode.Text, ct);
            Collect(sms, "body", errors, unknown);
            return new RenderedMessage(null, null, sms.Output?.Trim(), errors, [.. unknown]);
        }

        var subject = await renderer.RenderAsync(parse(subjectOverride ?? template.Subject), model, RenderMode.Text, ct);
        Collect(subject, "subject", errors, unknown);
        var body = await renderer.RenderAsync(parse(bodyOverride ?? template.Body), model, RenderMode.Html, ct);
        Collect(body, "body", errors, unknown);
        return new RenderedMessage(
            subject.Output is { } s ? HeaderText.Clean(s) : null,
            body.Output,
            body.Output is { } html ? HtmlToText.Convert(html) : null,
            errors, [.. unknown]);
    }

    private static void Collect(RenderResult result, string part, List<TemplateProblem> errors, SortedSet<string> unknown)
    {
        errors.AddRange(result.Errors.Select(e => e with { Message = $"{part}: {e.Message}" }));
        unknown.UnionWith(result.UnknownNames);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Subject (e-mail only), HTML (e-mail only) and text of one render, with its errors and unknown names.</summary>
public sealed record RenderedMessage(
    string? Subject, string? Html, string? Text, IReadOnlyList<TemplateProblem> Errors, IReadOnlyList<string> UnknownNames);
