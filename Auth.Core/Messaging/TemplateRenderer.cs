using Scriban.Syntax;

namespace Auth.Core.Messaging;

/// <summary>The output of one render, or the errors that stopped it; unknown names are warnings either way.</summary>
public sealed record RenderResult(string? Output, IReadOnlyList<TemplateProblem> Errors, IReadOnlyList<string> UnknownNames)
{
    public bool IsSuccess => Errors.Count == 0 && Output is not null;
}

/// <summary>
/// Renders parsed templates in the sandbox on a worker, so a template that outruns its deadline is
/// abandoned with a clean error while the request thread and the rest of the process carry on.
/// </summary>
public sealed class TemplateRenderer(SandboxLimits limits)
{
    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrentRenders, limits.MaxConcurrentRenders);

    public SandboxLimits Limits => limits;

    public ParsedTemplate Parse(string? source) => ParsedTemplate.Parse(source, limits);

    public async Task<RenderResult> RenderAsync(ParsedTemplate template, MessageModel model, RenderMode mode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        if (!template.IsValid) return new RenderResult(null, template.Errors, []);
        if (!await _slots.WaitAsync(limits.HardDeadline, ct))
            return Failed("Too many templates are rendering at once; try again.");

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = Task.Run(() =>
        {
            started.TrySetResult();
            // The worker owns its deadline and its slot: both outlive a caller that gave up waiting.
            using var deadline = new CancellationTokenSource(limits.Deadline);
            try
            {
                return RenderCore(template, model, mode, deadline.Token);
            }
            finally
            {
                _slots.Release();
            }
        }, CancellationToken.None);

        try
        {
            // The deadlines time the template, not the queue: a burst of sign-ins hashing on every pool thread can
            // delay the start by seconds, and a sound template must not fail (and its message be lost) for that.
            await started.Task.WaitAsync(ct);
            return await work.WaitAsync(limits.HardDeadline, ct);
        }
        catch (TimeoutException)
        {
            return TooSlow();
        }
    }

    private RenderResult RenderCore(ParsedTemplate template, MessageModel model, RenderMode mode, CancellationToken deadline)
    {
        var context = new SandboxContext(limits, mode, model.ToScriptObject(), deadline);
        try
        {
            var output = template.Template!.Render(context);
            return new RenderResult(output, [], [.. context.UnknownNames]);
        }
        catch (ScriptAbortException)
        {
            return TooSlow(context);
        }
        catch (ScriptRuntimeException ex)
        {
            return new RenderResult(null, [ParsedTemplate.Problem(ex.OriginalMessage, ex.Span)], [.. context.UnknownNames]);
        }
        catch (OperationCanceledException)
        {
            return TooSlow(context);
        }
#pragma warning disable CA1031 // An operator's template must never take the process down: every failure becomes its error.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new RenderResult(null, [new TemplateProblem("The template failed: " + ex.Message, 0, 0)], [.. context.UnknownNames]);
        }
    }

    private RenderResult TooSlow(SandboxContext? context = null) =>
        new(null, [new TemplateProblem($"The template took longer than {limits.Deadline.TotalMilliseconds:0} ms to render.", 0, 0)],
            context is null ? [] : [.. context.UnknownNames]);

    private static RenderResult Failed(string message) => new(null, [new TemplateProblem(message, 0, 0)], []);
}
