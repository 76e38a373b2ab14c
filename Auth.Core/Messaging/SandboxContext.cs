using System.Net;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Auth.Core.Messaging;

/// <summary>How expression values are written: HTML-encoded into HTML bodies, as they are elsewhere.</summary>
public enum RenderMode
{
    Text,
    Html,
}

/// <summary>
/// A Scriban context that reaches only the message model and a curated set of built-ins, with every
/// limit of <see cref="SandboxLimits"/> set, and that collects unknown names as warnings.
/// </summary>
internal sealed class SandboxContext : TemplateContext
{
    private readonly RenderMode _mode;
    private readonly Dictionary<object, string> _objectNames = new(ReferenceEqualityComparer.Instance);

    public SandboxContext(SandboxLimits limits, RenderMode mode, ScriptObject model, CancellationToken cancellation)
        : base(CreateBuiltins(limits))
    {
        _mode = mode;
        TemplateLoader = null;
        LoopLimit = limits.LoopLimit;
        LoopLimitQueryable = limits.LoopLimit;
        RecursiveLimit = limits.RecursionLimit;
        LimitToString = limits.MaxStringLength;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = limits.MaxOutputLength;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        EnableRelaxedTargetAccess = true; // "usr.name" with usr unknown renders empty (and warns) rather than failing
        EnableRelaxedFunctionAccess = false;
        RegexTimeOut = TimeSpan.FromMilliseconds(100);
        MemberFilter = _ => false; // no reflection onto .NET objects, should one ever slip into the model
        CancellationToken = cancellation;
        TryGetVariable = OnUnknownVariable;
        TryGetMember = OnUnknownMember;

        foreach (var (name, value) in model)
            if (value is ScriptObject child) _objectNames[child] = name;
        PushGlobal(model);
    }

    /// <summary>Unknown names met while rendering, e.g. <c>usr</c> or <c>user.nmae</c>.</summary>
    public SortedSet<string> UnknownNames { get; } = new(StringComparer.Ordinal);

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (_mode == RenderMode.Text) return base.Write(span, textAsObject);
        var text = ObjectToString(textAsObject);
        return string.IsNullOrEmpty(text) ? this : Write(WebUtility.HtmlEncode(text));
    }

    private bool OnUnknownVariable(TemplateContext context, SourceSpan span, ScriptVariable variable, out object value)
    {
        UnknownNames.Add(variable.Name);
        value = null!;
        return false;
    }

    private bool OnUnknownMember(TemplateContext context, SourceSpan span, object target, string member, out object value)
    {
        UnknownNames.Add(_objectNames.TryGetValue(target, out var owner) ? $"{owner}.{member}" : member);
        value = null!;
        return false;
    }

    /// <summary>Scriban's built-ins minus everything that loads, evaluates or matches patterns, with padding capped.</summary>
    private static ScriptObject CreateBuiltins(SandboxLimits limits)
    {
        var builtins = GetDefaultBuiltinObject();
        builtins.Remove("include");
        builtins.Remove("include_join");
        builtins.Remove("regex"); // a pattern is code: backtracking can outlast any deadline check
        if (builtins["object"] is ScriptObject objects)
        {
            objects.Remove("eval");
            objects.Remove("eval_template");
        }
        if (builtins["date"] is DateTimeFunctions dates) dates.Format = "%Y-%m-%d %H:%M UTC";
        if (builtins["string"] is ScriptObject strings)
        {
            // Checked before any allocation: the built-ins would build the string first.
            strings.Import("pad_left", new Func<string?, int, string>((text, width) => Pad(text, width, limits, left: true)));
            strings.Import("pad_right", new Func<string?, int, string>((text, width) => Pad(text, width, limits, left: false)));
        }
        return builtins;
    }

    private static string Pad(string? text, int width, SandboxLimits limits, bool left)
    {
        if (width > limits.MaxPadWidth)
            throw new ScriptRuntimeException(default, $"Padding width {width} is more than the allowed {limits.MaxPadWidth}.");
        text ??= "";
        return left ? text.PadLeft(Math.Max(width, 0)) : text.PadRight(Math.Max(width, 0));
    }
}
