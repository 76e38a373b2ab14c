using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Auth.Core.Messaging;

/// <summary>A template that parsed and passed the sandbox's static checks, or the problems that stopped it.</summary>
public sealed class ParsedTemplate
{
    private ParsedTemplate(Template? template, IReadOnlyList<TemplateProblem> errors)
    {
        Template = template;
        Errors = errors;
    }

    internal Template? Template { get; }

    public IReadOnlyList<TemplateProblem> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>Parses <paramref name="source"/> under <paramref name="limits"/>; never throws.</summary>
    public static ParsedTemplate Parse(string? source, SandboxLimits limits)
    {
        source ??= "";
        if (source.Length > limits.MaxTemplateLength)
            return Fail(new TemplateProblem($"The template is longer than {limits.MaxTemplateLength} characters.", 0, 0));

        Template template;
        try
        {
            template = Template.Parse(source, null, new ParserOptions { ExpressionDepthLimit = limits.MaxNestingDepth }, LexerOptions.Default);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InsufficientExecutionStackException)
        {
            return Fail(new TemplateProblem("The template could not be parsed: " + ex.Message, 0, 0));
        }

        if (template.HasErrors)
        {
            var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error)
                .Select(m => Problem(m.Message, m.Span)).ToList();
            return Fail(errors.Count > 0 ? errors : [new TemplateProblem("The template could not be parsed.", 0, 0)]);
        }

        var forbidden = new ForbiddenSyntax();
        forbidden.Visit(template.Page);
        return forbidden.Problems.Count > 0 ? Fail(forbidden.Problems) : new ParsedTemplate(template, []);
    }

    internal static TemplateProblem Problem(string message, SourceSpan span) =>
        new(message, span.Start.Line + 1, span.Start.Column + 1);

    private static ParsedTemplate Fail(params IReadOnlyList<TemplateProblem> errors) => new(null, errors);

    /// <summary>Templates may not pull in other templates or objects: no include, no import.</summary>
    private sealed class ForbiddenSyntax : ScriptVisitor
    {
        private static readonly HashSet<string> ForbiddenNames = new(StringComparer.Ordinal) { "include", "include_join", "import" };

        public List<TemplateProblem> Problems { get; } = [];

        public override void Visit(ScriptImportStatement node)
        {
            Problems.Add(Problem("'import' is not allowed in message templates.", node.Span));
            base.Visit(node);
        }

        public override void Visit(ScriptVariableGlobal node)
        {
            if (ForbiddenNames.Contains(node.Name))
                Problems.Add(Problem($"'{node.Name}' is not allowed in message templates.", node.Span));
            base.Visit(node);
        }
    }
}
