namespace Auth.Core.Settings;

/// <summary>Facts about the operator's app; message templates see them as <c>app.*</c>.</summary>
public sealed class ApplicationSettings
{
    public const int NameMaxLength = 200;

    public string Name { get; set; } = "My App";
}
