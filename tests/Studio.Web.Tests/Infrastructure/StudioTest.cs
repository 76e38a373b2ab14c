using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Auth.Core.Data;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Studio.Web.Tests.Infrastructure;

/// <summary>A bUnit context over the real services (see <see cref="StudioTestServices"/>), with page helpers.</summary>
public abstract class StudioTest : BunitContext, IAsyncLifetime
{
    // bUnit's 1 s default gave up on a loaded 2-core machine before the renderer's dispatcher ran the check at all.
    // Every wait is a condition with a generous ceiling (the test kit's 30 s), never an expected duration.
    static StudioTest() => DefaultWaitTimeout = Eventually.DefaultTimeout;

    protected StudioTestEnvironment Environment { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SettingsStore Store => Services.GetRequiredService<SettingsStore>();

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    public virtual async ValueTask InitializeAsync() => Environment = await this.AddStudioTestServicesAsync();

    /// <summary>Renders <typeparamref name="TPage"/> inside the layout's providers; returns the host (dialogs and snackbars live there).</summary>
    protected IRenderedComponent<StudioHost> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        var host = Render<StudioHost>(p => p.AddChildContent<TPage>(parameters ?? (_ => { })));
        return host;
    }

    protected async Task PatchDraftAsync(string json)
    {
        var result = await Store.PatchDraftAsync(JsonNode.Parse(json), "setup@example.test", Ct);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    protected async Task<AuthDbContext> OpenDbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(Ct);

    protected Task<AuthSettings> DraftSettingsAsync() => Store.GetDraftSettingsAsync(Ct);

    /// <summary>Until the draft in the database satisfies <paramref name="saved"/> (a save runs on the circuit's own pace).</summary>
    protected Task WaitForDraftAsync(Func<AuthSettings, bool> saved) =>
        Eventually.Until(async () => saved(await DraftSettingsAsync()), "the page to save the edit into the draft");

    protected static IElement Button(IRenderedComponent<StudioHost> host, string text, string scope = "") =>
        host.FindAll($"{scope} button".Trim()).First(b => b.TextContent.Trim() == text);

    /// <summary>Clicks a button of the open message box.</summary>
    protected static void Confirm(IRenderedComponent<StudioHost> host, string text) =>
        host.WaitForAssertion(() => Button(host, text, ".mud-dialog").Click());

    protected static void AssertSnackbar(IRenderedComponent<StudioHost> host, string text) =>
        host.WaitForAssertion(() => Assert.Contains(text, string.Join("\n", host.FindAll(".mud-snackbar").Select(s => s.TextContent)), StringComparison.Ordinal));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        try
        {
            Directory.Delete(Environment.Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup; the test's verdict doesn't depend on it.
        }
    }

    ValueTask IAsyncLifetime.InitializeAsync() => InitializeAsync();
}
