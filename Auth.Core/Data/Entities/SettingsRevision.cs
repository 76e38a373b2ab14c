namespace Auth.Core.Data.Entities;

/// <summary>An immutable published settings revision.</summary>
public sealed class SettingsRevision
{
    public int Number { get; set; }
    public required string Json { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    public string? Note { get; set; }
}
