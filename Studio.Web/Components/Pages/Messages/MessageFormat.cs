using System.Globalization;
using Auth.Core.Messaging;
using MudBlazor;

namespace Studio.Web.Components.Pages.Messages;

internal static class MessageFormat
{
    public static string Time(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "—";

    public static Color StatusColor(string status) => status switch
    {
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Captured => Color.Info,
        OutboxStatus.Failed => Color.Error,
        OutboxStatus.Pending or OutboxStatus.Sending => Color.Warning,
        _ => Color.Default,
    };

    public static string Channel(string channel) => channel == OutboxChannel.Sms ? "SMS" : "E-mail";

    public static string ChannelIcon(string channel) =>
        channel == OutboxChannel.Sms ? Icons.Material.Outlined.Sms : Icons.Material.Outlined.Email;

    /// <summary>Every status, in the order a message passes through them.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        [OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Sent, OutboxStatus.Captured, OutboxStatus.Failed];
}
