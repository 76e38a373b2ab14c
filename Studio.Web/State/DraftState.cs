using Auth.Core.Settings;

namespace Studio.Web.State;

/// <summary>
/// The draft as this circuit last saw it, so the layout's "unpublished changes" banner follows
/// every save and publish made on any page without each page reloading it.
/// </summary>
public sealed class DraftState(SettingsStore store)
{
    public DraftView? Current { get; private set; }

    public event Action? Changed;

    public async Task<DraftView> RefreshAsync(CancellationToken ct = default)
    {
        Set(await store.GetDraftAsync(ct));
        return Current!;
    }

    public void Set(DraftView view)
    {
        Current = view;
        Changed?.Invoke();
    }
}
