using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Studio.Web.Components.Pages.Messages;
using Studio.Web.Components.Shared;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Messages: the delivery log with its filters and paging, and a captured e-mail read in a sandboxed frame.</summary>
public sealed class MessagesPageTests : StudioTest
{
    private static readonly DateTime Start = new(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NoMessages_ShowsTheEmptyState_AndTheDevMailboxNote()
    {
        var host = RenderPage<MessageList>();
        host.WaitForAssertion(() => Assert.Contains("No messages yet", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Contains("no SMTP host and no SMS provider credentials", host.Find("[data-test=dev-mailbox-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_ByRecipientChannelAndStatus_AndSayWhenNothingMatches()
    {
        await AddAsync("ada@example.test", OutboxChannel.Email, OutboxStatus.Captured, minutes: 1);
        await AddAsync("grace@example.test", OutboxChannel.Email, OutboxStatus.Failed, minutes: 2, error: "SMTP 550: mailbox unavailable");
        await AddAsync("+14155550100", OutboxChannel.Sms, OutboxStatus.Sent, minutes: 3);
        var host = RenderPage<MessageList>();
        host.WaitForAssertion(() => Assert.Equal(["+14155550100", "grace@example.test", "ada@example.test"], Recipients(host)));
        Assert.Contains("SMTP 550: mailbox unavailable", host.FindAll("[data-test=last-error]").Select(e => e.TextContent).ToList());

        await FilterAsync(host, "filter-recipient", "GRACE");
        host.WaitForAssertion(() => Assert.Equal(["grace@example.test"], Recipients(host)));
        await FilterAsync(host, "filter-recipient", null);
        await FilterAsync(host, "filter-channel", OutboxChannel.Sms);
        host.WaitForAssertion(() => Assert.Equal(["+14155550100"], Recipients(host)));
        await FilterAsync(host, "filter-channel", "");
        await FilterAsync(host, "filter-status", OutboxStatus.Captured);
        host.WaitForAssertion(() => Assert.Equal(["ada@example.test"], Recipients(host)));
        await FilterAsync(host, "filter-channel", OutboxChannel.Sms);
        host.WaitForAssertion(() => Assert.Contains("No message matches these filters", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_ShowsTwentyAtATime_NewestFirst()
    {
        for (var i = 0; i < 23; i++) await AddAsync($"user{i:00}@example.test", OutboxChannel.Email, OutboxStatus.Captured, minutes: i);
        var host = RenderPage<MessageList>();

        host.WaitForAssertion(() => Assert.Equal(20, Recipients(host).Count));
        Assert.Equal("user22@example.test", Recipients(host)[0]);
        Assert.Contains("1-20 of 23", host.Markup, StringComparison.Ordinal);
        host.Find("button[aria-label='Next page']").Click();
        host.WaitForAssertion(() => Assert.Equal(["user02@example.test", "user01@example.test", "user00@example.test"], Recipients(host)));
    }

    [Fact]
    public async Task CapturedEmail_IsShownInASandboxedFrame_WithoutScripts_AndLinksOpenInANewTab()
    {
        var html = """<html><head><title>t</title></head><body><h1>Hello</h1><a href="http://auth.test/auth/verify?key=k&amp;action=magic-link">Sign in</a><script>alert(1)</script></body></html>""";
        var message = await AddAsync("ada@example.test", OutboxChannel.Email, OutboxStatus.Captured, minutes: 1, body: html);
        var host = RenderPage<MessageDetail>(p => p.Add(x => x.Id, message.Id));

        var frame = host.WaitForElement("[data-test=mail-frame]");
        var sandbox = frame.GetAttribute("sandbox");
        Assert.Equal(MailFrame.Sandbox, sandbox);
        Assert.DoesNotContain("allow-scripts", sandbox, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", sandbox, StringComparison.Ordinal);
        Assert.Contains("allow-popups", sandbox, StringComparison.Ordinal);
        Assert.Equal(
            """<html><head><base target="_blank"><meta name="referrer" content="no-referrer"><title>t</title></head><body><h1>Hello</h1><a href="http://auth.test/auth/verify?key=k&amp;action=magic-link">Sign in</a><script>alert(1)</script></body></html>""",
            frame.GetAttribute("srcdoc"));
        // The mail is only ever the frame's document, never markup of the studio page.
        Assert.Empty(host.FindAll("script"));
        Assert.DoesNotContain(host.FindAll("h1"), h => h.TextContent == "Hello");
        Assert.Equal("ada@example.test", host.Find("[data-test=message-to]").TextContent.Trim());
        Assert.Equal("captured", host.Find("[data-test=message-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Sms_IsShownAsText_WithItsSegments()
    {
        var message = await AddAsync("+14155550100", OutboxChannel.Sms, OutboxStatus.Sent, minutes: 1, body: "123456 is your code <b>not html</b>");
        var host = RenderPage<MessageDetail>(p => p.Add(x => x.Id, message.Id));

        host.WaitForAssertion(() => Assert.Equal("123456 is your code <b>not html</b>", host.Find("[data-test=message-sms]").TextContent));
        Assert.Empty(host.FindAll("[data-test=mail-frame]"));
        Assert.Contains("1 segment · GSM-7", host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMessage_SaysSo()
    {
        var host = RenderPage<MessageDetail>(p => p.Add(x => x.Id, "no-such-id"));
        host.WaitForAssertion(() => Assert.Contains("This message does not exist", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    private async Task<OutboxMessage> AddAsync(string to, string channel, string status, int minutes, string? error = null, string? body = null)
    {
        var created = Start.AddMinutes(minutes);
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid().ToString("N"),
            Channel = channel,
            Type = channel == OutboxChannel.Sms ? "signin_sms_code" : "magic_link",
            To = to,
            Subject = channel == OutboxChannel.Sms ? null : $"Subject for {to}",
            Body = body ?? (channel == OutboxChannel.Sms ? "123456 is your code" : "<p>Hi</p>"),
            TextBody = channel == OutboxChannel.Sms ? null : "Hi",
            Status = status,
            Attempts = status == OutboxStatus.Failed ? 5 : status == OutboxStatus.Sent ? 1 : 0,
            CreatedAt = created,
            SentAt = status == OutboxStatus.Sent ? created.AddSeconds(2) : null,
            LastError = error,
        };
        await using var db = await OpenDbAsync();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(Ct);
        return message;
    }

    private static List<string> Recipients(IRenderedComponent<StudioHost> host) =>
        host.FindAll("[data-test=message-link]").Select(l => l.TextContent.Trim()).ToList();

    // Set the filter the way its field reports a change (the recipient field debounces typing).
    private static async Task FilterAsync(IRenderedComponent<StudioHost> host, string test, string? value)
    {
        if (test == "filter-recipient")
        {
            var field = host.FindComponents<MudBlazor.MudTextField<string>>().Single();
            await host.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
            return;
        }
        var select = host.FindComponents<MudBlazor.MudSelect<string>>()
            .Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-test"), test));
        await host.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
