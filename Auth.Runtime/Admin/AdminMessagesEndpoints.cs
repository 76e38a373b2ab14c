using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>The outbox as a delivery log and dev mailbox, and the template preview the studio calls.</summary>
internal static class AdminMessagesEndpoints
{
    public sealed record MessageResponse(
        string Id, string Channel, string Type, string To, string? Subject, string Body, string? Text,
        string Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, string? LastError)
    {
        public static MessageResponse From(OutboxMessage m) =>
            new(m.Id, m.Channel, m.Type, m.To, m.Subject, m.Body, m.TextBody, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.LastError);
    }

    public sealed record PreviewRequest(string? Type, string? Subject, string? Body, string? UserId);

    public sealed record ProblemResponse(string Message, int Line, int Column);

    public sealed record PreviewResponse(
        string? Subject, string? Html, string? Text, List<ProblemResponse> Errors, List<ProblemResponse> Warnings, SmsSegmentInfo SmsSegments);

    public static async Task<Ok<List<MessageResponse>>> List(MessageLog log, string? to, int? limit, CancellationToken ct) =>
        TypedResults.Ok((await log.ListAsync(to, limit ?? 50, ct)).Select(MessageResponse.From).ToList());

    public static async Task<Results<Ok<PreviewResponse>, ErrorHttpResult>> Preview(PreviewRequest request, TemplatePreview preview, HttpContext context)
    {
        var result = await preview.RenderAsync(new TemplatePreviewRequest(request.Type, request.Subject, request.Body, request.UserId), context.RequestAborted);
        return result.ToHttp(r => new PreviewResponse(r.Subject, r.Html, r.Text,
            r.Errors.Select(Problem).ToList(), r.Warnings.Select(Problem).ToList(), r.SmsSegments));
    }

    private static ProblemResponse Problem(TemplateProblem p) => new(p.Message, p.Line, p.Column);
}
