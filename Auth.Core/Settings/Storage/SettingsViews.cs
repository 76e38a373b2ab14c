using System.Text.Json.Nodes;

namespace Auth.Core.Settings;

/// <summary>The draft as operators see it: secrets masked as "********" (or null when unset).</summary>
public sealed record DraftView(
    JsonObject Settings,
    int Version,
    int? BaseRevision,
    bool HasUnpublishedChanges,
    DateTime? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyDictionary<string, string>? Warnings = null);

public sealed record RevisionInfo(int Number, DateTime PublishedAt, string PublishedBy, string? Note);

public sealed record RevisionView(RevisionInfo Info, JsonObject Settings);
