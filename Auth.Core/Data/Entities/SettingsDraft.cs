namespace Auth.Core.Data.Entities;

/// <summary>The single editable draft. Secrets inside <see cref="Json"/> are Data-Protection encrypted.</summary>
public sealed class SettingsDraft
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required string Json { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>The revision this draft started from; null before the first publish.</summary>
    public int? BaseRevision { get; set; }
    public int Version { get; set; }
}
