using MudBlazor;

namespace Studio.Web.Components.Layout;

/// <summary>The studio's look; the system font stack, since no web font is loaded from elsewhere.</summary>
public static class StudioTheme
{
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
