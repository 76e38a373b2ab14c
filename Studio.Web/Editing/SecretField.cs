using System.Text.Json.Nodes;
using Auth.Core.Settings;

namespace Studio.Web.Editing;

/// <summary>
/// A write-only setting: the page knows only whether a value is stored. A blank field keeps it,
/// a typed value replaces it, Clear removes it.
/// </summary>
public sealed class SecretField(string path, bool isStored)
{
    private string? _newValue;

    public string Path { get; } = path;

    /// <summary>Whether the draft holds a value for this secret.</summary>
    public bool IsStored { get; } = isStored;

    public string? NewValue
    {
        get => _newValue;
        set
        {
            _newValue = value;
            if (HasNewValue) Cleared = false;
        }
    }

    /// <summary>The operator asked to remove the stored value.</summary>
    public bool Cleared { get; private set; }

    public bool HasNewValue => !string.IsNullOrWhiteSpace(_newValue);

    /// <summary>The stored value survives the save untouched.</summary>
    public bool Keeps => IsStored && !Cleared && !HasNewValue;

    public bool IsChanged => HasNewValue || Cleared;

    /// <summary>What goes into the settings JSON: the new value, the mask (keep), or null (clear / none).</summary>
    public JsonNode? Submitted => HasNewValue ? JsonValue.Create(_newValue) : Keeps ? JsonValue.Create(SettingsSecrets.MaskValue) : null;

    public string Status => (HasNewValue, Cleared, IsStored) switch
    {
        (true, _, true) => "will be replaced",
        (true, _, false) => "will be set",
        (false, true, _) => "will be removed",
        (false, false, true) => "set",
        _ => "not set",
    };

    public void Clear()
    {
        _newValue = null;
        Cleared = IsStored;
    }

    public void Undo()
    {
        _newValue = null;
        Cleared = false;
    }
}
