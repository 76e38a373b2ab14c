using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;

namespace Studio.Web.Editing;

/// <summary>
/// The draft as a page edits it: a typed model for the plain fields, <see cref="SecretField"/>s for the
/// secrets, and validation by the server's own rules (<see cref="SettingsValidator"/>) keyed by JSON path.
/// A page owns some top-level sections and saves only those as a merge patch.
/// </summary>
public sealed class SettingsEditor
{
    private readonly JsonObject _original;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    private SettingsEditor(JsonObject maskedDraft, AuthSettings model)
    {
        _original = maskedDraft;
        Model = model;
        Secrets = SettingsSecrets.Paths.ToDictionary(
            path => path,
            path => new SecretField(path, SettingsDiff.Leaves(maskedDraft).GetValueOrDefault(path) is JsonValue v
                && v.TryGetValue<string>(out var s) && s.Length > 0),
            StringComparer.Ordinal);
    }

    /// <summary>The plain fields; its secret properties are ignored (see <see cref="Secrets"/>).</summary>
    public AuthSettings Model { get; }

    public IReadOnlyDictionary<string, SecretField> Secrets { get; }

    /// <summary>Field errors the server answered with on the last save; cleared by the next edit.</summary>
    public IReadOnlyDictionary<string, string> ServerErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The current local errors (as of the last <see cref="Revalidate"/>).</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    public static SettingsEditor From(DraftView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var parsed = SettingsJson.Parse(draft.Settings);
        if (!parsed.IsSuccess)
            throw new InvalidOperationException($"The stored draft does not parse: {parsed.Error.Message}");
        return new SettingsEditor(draft.Settings.DeepClone().AsObject(), parsed.Value);
    }

    public SecretField Secret(string path) => Secrets[path];

    /// <summary>Runs the server's rules over the edited settings. A kept secret was checked when it was stored.</summary>
    public IReadOnlyDictionary<string, string> Revalidate()
    {
        var parsed = SettingsJson.Parse(CurrentJson());
        var errors = parsed.IsSuccess ? SettingsValidator.Validate(parsed.Value) : FieldsOf(parsed.Error);
        _errors = errors
            .Where(e => !(Secrets.TryGetValue(e.Key, out var secret) && secret.Keeps))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return _errors;
    }

    /// <summary>Called when any field changes: the server's old verdict no longer applies.</summary>
    public void Edited()
    {
        ServerErrors = new Dictionary<string, string>();
        Revalidate();
    }

    public string? ErrorFor(string path) =>
        _errors.TryGetValue(path, out var local) ? local
        : _renderProblems.TryGetValue(path, out var render) ? render
        : ServerErrors.GetValueOrDefault(path);

    private readonly Dictionary<string, string> _renderProblems = new(StringComparer.Ordinal);

    /// <summary>
    /// A template that parses but does not render (an endless loop, a render past its deadline) passes the
    /// validator, yet the server refuses to save it; the page's preview reports it here so it counts as a problem.
    /// <c>null</c> clears it.
    /// </summary>
    public void SetRenderProblem(string path, string? message)
    {
        if (message is null) _renderProblems.Remove(path);
        else _renderProblems[path] = message;
    }

    public bool HasError(string path) => ErrorFor(path) is not null;

    /// <summary>
    /// For a MudBlazor field's <c>Validation</c>: the field validates itself on blur (and after a number it
    /// could not parse) and then shows only what its own validation says, hiding an <c>Error</c> handed in
    /// as a parameter. Asking the editor keeps the field's message in step with the save bar's count.
    /// </summary>
    public Func<T, string?> ValidationFor<T>(string path) => _ =>
    {
        Revalidate();
        return ErrorFor(path);
    };

    /// <summary>Errors under the given sections (e.g. "smtp" covers "smtp.host").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ErrorsIn(IEnumerable<string> sections)
    {
        var list = sections.ToList();
        return _errors
            .Concat(_renderProblems.Where(r => !_errors.ContainsKey(r.Key)))
            .Concat(ServerErrors.Where(s => !_errors.ContainsKey(s.Key) && !_renderProblems.ContainsKey(s.Key)))
            .Where(e => list.Any(section => InSection(e.Key, section)))
            .ToList();
    }

    public void SetServerErrors(AuthError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ServerErrors = FieldsOf(error);
    }

    /// <summary>The edited document: plain fields plus each secret as new value, mask (keep) or null.</summary>
    public JsonObject CurrentJson()
    {
        var json = SettingsJson.ToJsonObject(Model);
        foreach (var secret in Secrets.Values)
        {
            var parts = secret.Path.Split('.');
            var parent = json;
            foreach (var part in parts[..^1]) parent = (JsonObject)parent[part]!;
            parent[parts[^1]] = secret.Submitted;
        }
        return json;
    }

    /// <summary>Leaf paths under <paramref name="sections"/> that differ from the draft as loaded.</summary>
    public IReadOnlyList<string> PendingChanges(IEnumerable<string> sections)
    {
        var list = sections.ToList();
        return SettingsDiff.Changes(_original, CurrentJson())
            .Select(c => c.Path)
            .Where(path => list.Any(section => InSection(path, section)))
            .ToList();
    }

    public bool IsDirty(IEnumerable<string> sections) => PendingChanges(sections).Count > 0;

    /// <summary>
    /// An RFC 7396 patch that replaces the given sections with their edited form. A section is a top-level
    /// name ("smtp") or a dotted path into objects ("messages.magic_link"), which leaves its siblings alone.
    /// </summary>
    public JsonObject BuildPatch(IEnumerable<string> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var current = CurrentJson();
        var patch = new JsonObject();
        foreach (var section in sections)
        {
            var parts = section.Split('.');
            JsonNode? source = current;
            foreach (var part in parts) source = source?[part];
            var target = patch;
            foreach (var part in parts[..^1]) target = (JsonObject)(target[part] ??= new JsonObject());
            target[parts[^1]] = source?.DeepClone();
        }
        return patch;
    }

    private static bool InSection(string path, string section) =>
        path == section || path.StartsWith(section + ".", StringComparison.Ordinal) || path.StartsWith(section + "[", StringComparison.Ordinal);

    private static Dictionary<string, string> FieldsOf(AuthError error) =>
        error.Details?.GetValueOrDefault("fields") is IReadOnlyDictionary<string, string> fields
            ? fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)
            : new Dictionary<string, string> { [SettingsJson.RootPath] = error.Message };
}
