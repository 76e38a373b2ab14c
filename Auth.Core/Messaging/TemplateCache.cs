using System.Collections.Concurrent;

namespace Auth.Core.Messaging;

/// <summary>
/// Parsed templates of the published settings, kept until a newer revision is served.
/// Keyed by source text, so the same text shared by two parts is parsed once.
/// </summary>
public sealed class TemplateCache(TemplateRenderer renderer)
{
    private volatile Entry _entry = new(-1, new ConcurrentDictionary<string, ParsedTemplate>(StringComparer.Ordinal));

    public ParsedTemplate Get(int revision, string? source)
    {
        var entry = _entry;
        if (entry.Revision != revision)
        {
            entry = new Entry(revision, new ConcurrentDictionary<string, ParsedTemplate>(StringComparer.Ordinal));
            _entry = entry;
        }
        return entry.Templates.GetOrAdd(source ?? "", renderer.Parse);
    }

    /// <summary>How many templates the current revision has parsed (for tests and diagnostics).</summary>
    public int Count => _entry.Templates.Count;

    private sealed record Entry(int Revision, ConcurrentDictionary<string, ParsedTemplate> Templates);
}
