namespace Auth.Core.Data;

/// <summary>The database cannot take writes safely (its file is gone, replaced or unreadable); callers answer 503.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
