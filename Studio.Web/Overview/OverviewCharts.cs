using System.Globalization;
using Auth.Core.Activity;
using Auth.Core.Activity.Dashboard;
using MudBlazor;

namespace Studio.Web.Overview;

/// <summary>One chart of the Overview: its title, the day labels and one series per method, provider or channel.</summary>
public sealed record OverviewChart(string Key, string Title, ChartType Type, string[] Labels, List<ChartSeries<double>> Series)
{
    public double Total => Series.Sum(s => s.Data.Values.Sum());
}

/// <summary>Turns the dashboard's daily counts into the four charts of the Overview (days in UTC).</summary>
public static class OverviewCharts
{
    public static IReadOnlyList<OverviewChart> Build(ActivityChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // Every seventh day and today are labelled; thirty labels do not fit a phone's width.
        var labels = chart.Days.Select((d, i) => i % 7 == (chart.Days.Count - 1) % 7
            ? d.ToString("d MMM", CultureInfo.InvariantCulture) : "").ToArray();
        return
        [
            new("signups", "Sign-ups", ChartType.StackedBar, labels,
                chart.Keys(EventTypes.SignUp).Select(k => Series(MethodName(k), chart.Series(EventTypes.SignUp, k))).ToList()),
            new("signins", "Sign-ins", ChartType.StackedBar, labels,
                chart.Keys(EventTypes.SignIn).Select(k => Series(MethodName(k), chart.Series(EventTypes.SignIn, k))).ToList()),
            new("failures", "Failed sign-ins and lockouts", ChartType.Line, labels,
                [Series("failed sign-ins", chart.Series(EventTypes.SignInFailed)), Series("lockouts", chart.Series(EventTypes.LockedOut))]),
            new("messages", "Messages", ChartType.Line, labels, MessageSeries(chart).ToList()),
        ];
    }

    private static IEnumerable<ChartSeries<double>> MessageSeries(ActivityChart chart)
    {
        var channels = chart.Keys(EventTypes.MessageSent).Union(chart.Keys(EventTypes.MessageFailed)).Order(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            var name = channel switch { "email" => "e-mail", "sms" => "SMS", "" => "other", _ => channel };
            yield return Series($"{name} sent", chart.Series(EventTypes.MessageSent, channel));
            yield return Series($"{name} failed", chart.Series(EventTypes.MessageFailed, channel));
        }
    }

    /// <summary>How an operator reads a key: the stored amr and channel names are terse.</summary>
    public static string MethodName(string key) => key switch
    {
        "pwd" => "password",
        "email" => "e-mail",
        "sms" => "SMS",
        "passkey" => "passkey",
        "" => "other",
        _ => key, // an OAuth provider's name
    };

    private static ChartSeries<double> Series(string name, int[] values) =>
        new() { Name = name, Data = new ChartData<double>(values.Select(v => (double)v).ToArray()) };
}
