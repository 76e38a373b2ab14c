using System.Text.Json;
using Auth.Core.Settings;

namespace Studio.Web.Components.Pages.Messages;

/// <summary>A template's fields as the browser tab keeps them (sessionStorage) until they are saved.</summary>
public sealed record UnsavedTemplate(string? Subject, string? Body, string? FromName, string? FromEmail)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static UnsavedTemplate From(MessageTemplate template) =>
        new(template.Subject, template.Body, template.FromName, template.FromEmail);

    /// <summary>Null when the stored text is not one of ours (an older shape, hand-edited storage).</summary>
    public static UnsavedTemplate? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<UnsavedTemplate>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public bool Matches(MessageTemplate template) => this == From(template);

    public void ApplyTo(MessageTemplate template)
    {
        template.Subject = Subject;
        template.Body = Body ?? "";
        template.FromName = FromName;
        template.FromEmail = FromEmail;
    }
}
