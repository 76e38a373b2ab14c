namespace Auth.Core.Settings;

/// <summary>The published settings the runtime enforces: an in-memory snapshot, no query per read.</summary>
public interface ISettingsReader
{
    SettingsSnapshot Current { get; }
}

/// <summary>A published revision (0 = nothing published yet: the defaults apply).</summary>
public sealed record SettingsSnapshot(int Revision, AuthSettings Settings, DateTime? PublishedAt);
