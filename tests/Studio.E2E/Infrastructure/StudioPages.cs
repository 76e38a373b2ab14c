using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Studio.E2E.Infrastructure;

/// <summary>
/// Every page the studio routes to, read from Studio.Web's own route attributes, so a page added later is in the
/// tour without anyone remembering to list it.
/// </summary>
public static class StudioPages
{
    /// <summary>The forms an operator sees before signing in; the tour runs signed in.</summary>
    private static readonly string[] SignedOut = ["/signin", "/setup"];

    /// <summary>Each routed template, and whether the circuit renders it (a static form, like the password change, is plain HTML).</summary>
    public static IReadOnlyList<(string Template, bool Interactive)> Templates() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()
                .Select(r => (r.Template, Interactive: t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)))
            .Where(p => !SignedOut.Contains(p.Template, StringComparer.Ordinal))
            .DistinctBy(p => p.Template, StringComparer.Ordinal)
            .OrderBy(p => p.Template, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The URL for a template, its parameters filled from <paramref name="values"/> (keyed by the template as written).
    /// A template with a parameter that has no value fails loudly: a new page with a route parameter needs one.
    /// </summary>
    public static string Url(string template, IReadOnlyDictionary<string, string> values)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        return values.TryGetValue(template, out var url)
            ? url
            : throw new InvalidOperationException($"The tour has no example URL for '{template}'; add one to its values.");
    }

    /// <summary>A file-name-safe name: "/" is the overview, "/users/{Id}" becomes "users-id".</summary>
    public static string Slug(string template)
    {
        var name = template.Trim('/').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)
            .Replace('/', '-').ToLowerInvariant();
        return name.Length == 0 ? "overview" : name;
    }
}
