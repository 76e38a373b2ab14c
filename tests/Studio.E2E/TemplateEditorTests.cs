using Auth.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>The template editor and the messages page in Chromium: live preview, send test, the sandboxed frame.</summary>
public sealed class TemplateEditorTests : IAsyncLifetime
{
    private const string Email = "templates@example.test";
    private const string Password = "a long operator password";

    private StudioApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        await OperatorSignIn.CreateOperatorAsync(_app, Email, Password);
    }

    [Fact]
    public async Task EditMagicLink_PreviewFollows_SendTest_ShowsInMessages()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/magic_link");

        var frame = page.FrameLocator("[data-test=preview] [data-test=mail-frame]");
        await Expect(frame.Locator("h1")).ToHaveTextAsync("Sign in to My App");
        await browser.ScreenshotAsync("templates-01-magic-link");

        var body = new CodeEditor(page, "messages.magic_link.body");
        var text = await WhenReadyAsync(body);
        await body.ReplaceAsync(text.Replace("Sign in to {{ app.name }}", "Welcome back to {{ app.name }}, {{ user.name }}", StringComparison.Ordinal));
        await page.Locator("input[data-field='messages.magic_link.subject']").FillAsync("Your link, {{ user.name }}");

        await Expect(frame.Locator("h1")).ToHaveTextAsync("Welcome back to My App, Jane Doe");
        await Expect(page.Locator("[data-test=preview-subject]")).ToHaveTextAsync("Your link, Jane Doe");
        await Expect(page.Locator("[data-test=change-count]")).ToContainTextAsync("2 unsaved changes");
        await browser.ScreenshotAsync("templates-02-edited");

        await page.ClickAsync("[data-test=send-test]");
        var recipient = page.Locator("[data-test=send-test-dialog] input[data-field='test.to']");
        await Expect(recipient).ToHaveValueAsync(Email);
        await recipient.FillAsync("tester@example.test");
        await browser.ScreenshotAsync("templates-03-send-test");
        await page.ClickAsync("[data-test=send-test-confirm]");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Test e-mail to tester@example.test captured in the dev mailbox");

        // The edits are still unsaved: leaving asks first.
        await page.Locator("[data-test=drawer] a[href='/messages']").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Discard changes" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Messages");
        var row = page.Locator("[data-test=messages] tbody tr", new() { HasText = "tester@example.test" });
        await Expect(row).ToContainTextAsync("[Test] Your link, Jane Doe");
        await Expect(row).ToContainTextAsync("captured");
        await browser.ScreenshotAsync("templates-04-messages");

        await row.Locator("[data-test=message-link]").ClickAsync();
        var mail = page.FrameLocator("[data-test=mail-frame]");
        await Expect(mail.Locator("h1")).ToHaveTextAsync("Welcome back to My App, Jane Doe");
        await browser.ScreenshotAsync("templates-05-message");

        // Links in the captured mail open in a new tab, outside the sandbox (auth.test is not a real host: answer for it).
        await page.Context.RouteAsync("http://auth.test/**", route => route.FulfillAsync(new() { Body = "the verify endpoint", ContentType = "text/plain" }));
        var popup = await page.RunAndWaitForPopupAsync(() => mail.Locator("a", new() { HasText = "Sign in" }).ClickAsync());
        Assert.Contains("/auth/verify?key=sample-key&action=magic-link", popup.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInATemplate_DoesNotRunInThePreview()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/confirm_email");
        var frameElement = page.Locator("[data-test=preview] [data-test=mail-frame]");
        await Expect(page.FrameLocator("[data-test=preview] [data-test=mail-frame]").Locator("h1")).ToBeVisibleAsync();
        var title = await page.TitleAsync();

        await new CodeEditor(page, "messages.confirm_email.body").ReplaceAsync("""
            <html><body>
            <h1>Scripted</h1>
            <script>document.title = 'ran'; window.parent.document.title = 'ran'; document.body.insertAdjacentHTML('beforeend', '<p id="ran">ran</p>');</script>
            <img src="data:," onerror="document.body.insertAdjacentHTML('beforeend', '<p id=&quot;ran&quot;>ran</p>')">
            <a href="javascript:document.title='ran'" id="js">js</a>
            <script src="/_content/MudBlazor/MudBlazor.min.js"></script>
            </body></html>
            """);
        var frame = page.FrameLocator("[data-test=preview] [data-test=mail-frame]");
        await Expect(frame.Locator("h1")).ToHaveTextAsync("Scripted");
        await browser.ScreenshotAsync("templates-script");

        var sandbox = await frameElement.GetAttributeAsync("sandbox");
        Assert.NotNull(sandbox);
        Assert.DoesNotContain("allow-scripts", sandbox, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", sandbox, StringComparison.Ordinal);
        var before = browser.Log.Count;
        await frame.Locator("#js").ClickAsync();
        // Chromium reports the refused javascript: link; only then is "nothing ran" an answer rather than "not yet".
        await Eventually.Until(() => browser.Log.Skip(before).Any(l => l.Contains("JavaScript URL", StringComparison.Ordinal)),
            () => "Chromium to refuse the javascript: link; browser log:\n" + string.Join("\n", browser.Log));
        await Expect(frame.Locator("#ran")).ToHaveCountAsync(0);
        Assert.Equal(title, await page.TitleAsync());
        var inner = page.Frames.Single(f => f.Url == "about:srcdoc");
        Assert.NotEqual("ran", await inner.TitleAsync());
        // Inline code is also stopped by the studio's CSP, which the srcdoc document inherits; a same-origin
        // script file passes the CSP, so only the sandbox keeps this one from running.
        Assert.Equal("undefined", await inner.EvaluateAsync<string>("() => typeof window.mudElementRef"));
    }

    [Fact]
    public async Task Phone_390px_TemplatesAndMessages_FitTheScreen()
    {
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/verify_sms_code");
        await Expect(browser.Page.Locator("[data-test=sms-segments]")).ToContainTextAsync("1 segment · GSM-7");
        await AssertNoHorizontalOverflowAsync(browser);
        await browser.ScreenshotAsync("390-templates-sms");

        await browser.GotoInteractiveAsync(_app.BaseUrl + "/settings/templates/magic_link");
        await Expect(browser.Page.FrameLocator("[data-test=preview] [data-test=mail-frame]").Locator("h1")).ToHaveTextAsync("Sign in to My App");
        await AssertNoHorizontalOverflowAsync(browser);
        await browser.ScreenshotAsync("390-templates-magic-link");

        await browser.GotoInteractiveAsync(_app.BaseUrl + "/messages");
        await Expect(browser.Page.Locator("[data-test=empty-state]")).ToContainTextAsync("No messages yet");
        await AssertNoHorizontalOverflowAsync(browser);
        await browser.ScreenshotAsync("390-messages");
    }

    [Fact]
    public async Task InsertVariable_GoesWhereTheCaretIs()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/signin_sms_code");
        var body = new CodeEditor(page, "messages.signin_sms_code.body");
        await body.ReplaceAsync("Your code: . Thanks!");
        await Expect(page.Locator("[data-test=preview-sms]")).ToHaveTextAsync("Your code: . Thanks!");
        await body.SetCaretAsync(11);

        await page.Locator("[data-variable='token.code'] [data-test=insert-variable]").ClickAsync();

        await body.WaitForTextAsync("Your code: {{ token.code }}. Thanks!");
        await Expect(page.Locator("[data-test=preview-sms]")).ToHaveTextAsync("Your code: 123456. Thanks!");
        Assert.Equal(27, await body.CaretAsync());
    }

    [Fact]
    public async Task SmtpTestConnection_NothingListening_SaysItFailed()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/authentication");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await page.Locator("input[data-field='smtp.host']").FillAsync("127.0.0.1");
        await page.Locator("input[data-field='smtp.port']").FillAsync(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-test=smtp-test]");
        var result = page.Locator("[data-test=smtp-test-dialog] [data-test=transport-result]");
        await Expect(result).ToHaveAttributeAsync("data-succeeded", "false");
        await Expect(result).ToContainTextAsync($"Could not connect to 127.0.0.1:{closedPort}");
        await browser.ScreenshotAsync("smtp-test-failed");
    }

    [Fact]
    public async Task Typing300CharactersFast_RightAfterLoad_SavedTemplateIsExactlyWhatWasTyped()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/signin_sms_code");
        var body = new CodeEditor(page, "messages.signin_sms_code.body");
        var before = await WhenReadyAsync(body);
        var typed = string.Concat(Enumerable.Range(0, 40).Select(i => $" word{i % 10}xyz"))[..300];

        await body.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        // Every key a real key press, 10 to 20 ms apart (MudBlazor's server-side field dropped some: MudBlazor #1012).
        for (var i = 0; i < typed.Length; i += 50)
            await page.Keyboard.TypeAsync(typed[i..(i + 50)], new() { Delay = i % 100 == 0 ? 10 : 20 });

        // Save at once: it takes the browser's text, not whatever the circuit heard last.
        await page.ClickAsync("[data-test=save]");
        await Expect(page.Locator("[data-test=save-bar]")).ToContainTextAsync("No unsaved changes");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        var draft = await _app.Services.GetRequiredService<SettingsStore>().GetDraftSettingsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before + typed, draft.Messages.Get("signin_sms_code").Body);
        Assert.Equal(before + typed, await body.TextAsync());
        await Expect(page.Locator("[data-test=preview-sms]")).ToContainTextAsync(typed[^12..].Trim());
        Assert.DoesNotContain(_app.Log.Entries, e => e.Contains("ObjectDisposedException", StringComparison.Ordinal) || e.Contains("Unhandled exception in circuit", StringComparison.Ordinal));
        Assert.DoesNotContain(browser.Log, l => l.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunawayTemplate_SaveNeverEnabled_ProblemMarkedOnTheLine()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/confirm_email");
        var body = new CodeEditor(page, "messages.confirm_email.body");
        await body.ReplaceAsync("<p>Hello {{ user.name }}</p>");
        var save = page.Locator("[data-test=save]");
        await Expect(save).ToBeEnabledAsync();

        // From the first key of the runaway text on, every state the Save button takes is recorded.
        await save.EvaluateAsync("b => { window.saveStates = []; new MutationObserver(() => window.saveStates.push(b.disabled)).observe(b, { attributes: true }); }");
        await body.ReplaceAsync("<p>Hello</p>\n{{ for i in 1..5000 }}x{{ end }}");
        await save.ClickAsync(new() { Force = true }); // a click in the pause changes nothing either

        await Expect(page.Locator("[data-test=error-count]")).ToContainTextAsync("1 problem to fix");
        await Expect(body.Box.Locator("[data-test=field-error]")).ToContainTextAsync("LoopLimit");
        await Expect(save).ToBeDisabledAsync();
        Assert.DoesNotContain(false, await page.EvaluateAsync<bool[]>("() => window.saveStates"));
        await Eventually.Until(async () => (await body.MarkersAsync()).Any(m => m.StartsWith("2:", StringComparison.Ordinal) && m.Contains("LoopLimit", StringComparison.Ordinal)),
            () => "a marker on line 2, where the loop is");
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0); // no failed-save toast: the problem is on the field
        var draft = await _app.Services.GetRequiredService<SettingsStore>().GetDraftSettingsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("5000", draft.Messages.Get("confirm_email").Body, StringComparison.Ordinal);
        await browser.ScreenshotAsync("templates-runaway");

        // A parse error has a place: Monaco marks it there.
        await body.ReplaceAsync("<p>Hello</p>\n\n<p>{{ if }}</p>");
        await Expect(page.Locator("[data-test=preview-error]").First).ToContainTextAsync("Body, line 3, column");
        await Eventually.Until(async () => (await body.MarkersAsync()) is { Length: > 0 } marks && marks.All(m => m.StartsWith("3:", StringComparison.Ordinal)),
            () => "markers on line 3 only, where the parse error is");
        await browser.ScreenshotAsync("templates-error-marker");
    }

    [Fact]
    public async Task UnsavedTemplate_SurvivesAReload_UntilSaved()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync(); // "leave the page?" while edits are unsaved
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/verify_sms_code");
        var body = new CodeEditor(page, "messages.verify_sms_code.body");
        await body.ReplaceAsync("Kept across reloads: {{ token.code }}");
        await Expect(page.Locator("[data-test=change-count]")).ToContainTextAsync("1 unsaved change");

        await page.ReloadAsync();
        await browser.WaitForCircuitAsync();
        await Expect(page.Locator("[data-test=restored-note]")).ToContainTextAsync("Restored unsaved changes");
        await body.WaitForTextAsync("Kept across reloads: {{ token.code }}");
        await Expect(page.Locator("[data-test=change-count]")).ToContainTextAsync("1 unsaved change");
        await browser.ScreenshotAsync("templates-restored");

        await page.ClickAsync("[data-test=save]");
        await Expect(page.Locator("[data-test=save-bar]")).ToContainTextAsync("No unsaved changes");
        await Expect(page.Locator("[data-test=restored-note]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await browser.WaitForCircuitAsync();
        await body.WaitForTextAsync("Kept across reloads: {{ token.code }}");
        await page.WaitForFunctionAsync("() => sessionStorage.getItem('studio.unsaved-template.verify_sms_code') === null");
        await Expect(page.Locator("[data-test=restored-note]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ServerGoesAway_TheReconnectDialogShows()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/settings/templates/signin_sms_code");
        await Expect(page.Locator("#components-reconnect-modal")).ToHaveCountAsync(0);

        _appStopped = true;
        await _app.DisposeAsync(); // the host stops: the circuit's connection drops

        // blazor.web.js's default reconnect display (its inline style is allowed by the studio's CSP).
        await Expect(page.Locator("#components-reconnect-modal")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator(".components-reconnect-dialog")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("reconnect");
    }

    private static async Task<string> WhenReadyAsync(CodeEditor body)
    {
        await body.WaitReadyAsync();
        return await body.TextAsync();
    }

    private static async Task AssertNoHorizontalOverflowAsync(BrowserSession browser)
    {
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the window at {browser.Page.Url}.");
    }

    // A host the test already disposed is not disposed again.
    private bool _appStopped;

    public async ValueTask DisposeAsync()
    {
        if (!_appStopped) await _app.DisposeAsync();
    }
}
