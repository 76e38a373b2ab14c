using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Messaging;

/// <summary>A template as edited (not necessarily saved) and where its test copy goes.</summary>
public sealed record TestMessageRequest(string? Type, string? To, MessageTemplate Template);

/// <summary>
/// The studio's "send test": renders the edited template over the draft settings with sample data for the
/// chosen recipient and queues it in the outbox like any message, so it shows in the delivery log (and in
/// the dev mailbox when the published settings have no transport). No token is issued: the links and codes
/// in a test are samples that never work.
/// </summary>
public sealed class SendTestMessage(
    MessageComposer composer,
    TemplateRenderer renderer,
    OutboxWriter outgoing,
    SettingsStore store,
    IDbContextFactory<AuthDbContext> dbFactory,
    IAuthUrls urls,
    TimeProvider time)
{
    /// <summary>Starts the subject of every test e-mail, so nobody mistakes it for a real one.</summary>
    public const string SubjectPrefix = "[Test] ";

    public async Task<Result<OutboxMessage>> SendAsync(TestMessageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Type is not { } type || !MessageType.IsKnown(type))
            return AuthError.Validation("type", "Must be one of: " + string.Join(", ", MessageType.All) + ".");
        ArgumentNullException.ThrowIfNull(request.Template);

        var isSms = MessageType.IsSms(type);
        var recipient = isSms ? PhoneNumber.NormalizeE164(request.To, "to") : EmailOf(request.To);
        if (!recipient.IsSuccess) return recipient.Error;
        var to = recipient.Value;

        // The edited template stands in for the draft's, so its own rules and its sender are the ones checked and used.
        var settings = await store.GetDraftSettingsAsync(ct);
        var template = settings.Messages.Get(type);
        template.Subject = request.Template.Subject;
        template.FromEmail = request.Template.FromEmail;
        template.FromName = request.Template.FromName;
        template.Body = request.Template.Body;
        var prefix = $"messages.{type}.";
        var problems = SettingsValidator.Validate(settings)
            .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (problems.Count > 0) return AuthError.Validation(problems);

        var user = isSms ? MessageSamples.User with { Phone = to } : MessageSamples.User with { Email = to };
        var model = MessageSamples.For(type, settings, urls, time.GetUtcNow().UtcDateTime, user);
        var rendered = await composer.RenderAsync(settings, type, model, renderer.Parse, ct);
        if (rendered.Errors.Count > 0)
        {
            var first = rendered.Errors[0];
            var part = first.Message.StartsWith("subject:", StringComparison.Ordinal) ? "subject" : "body";
            return AuthError.Validation(prefix + part, first.ToString());
        }

        var composed = MessageComposer.Compose(settings, type, to, rendered);
        if (!isSms) composed = composed with { Subject = HeaderText.Clean(SubjectPrefix + composed.Subject) };

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = outgoing.Add(db, composed, userId: null);
        await db.SaveChangesAsync(ct);
        outgoing.Committed();
        return row;
    }

    private static Result<string> EmailOf(string? to)
    {
        var email = EmailAddress.Normalize(to, "to");
        return email.IsSuccess ? email.Value.Display : email.Error;
    }
}
