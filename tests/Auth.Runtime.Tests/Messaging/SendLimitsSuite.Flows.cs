using System.Net;
using Auth.Core.Housekeeping;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

public abstract partial class SendLimitsSuite
{
    [Fact]
    public async Task ChangeEmail_TwentyParallelRequestsInCooldown_QueuesExactlyOneMessage()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, email = new { confirmEmail = false }, security = new { sendCooldownSeconds = 60 } });
        var (_, session, _) = await SignUpWithSessionAsync();
        var newEmail = NewEmail("moved");

        var responses = await InParallelAsync(_ => PostAsync("/auth/change-email", new { password = Password, newEmail, redirectURL = RedirectUrl }, session));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        foreach (var limited in responses.Where(r => r.Status != HttpStatusCode.OK)) AssertRetryAfter(limited);
        Assert.Equal(1, await OutboxCountAsync(newEmail));
    }

    [Fact]
    public async Task ChangePhone_TwentyParallelRequestsOverThePerNumberCap_TextsExactlyTheCap()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, email = new { confirmEmail = false }, phone = new { enabled = true }, sms = TwilioPatch, security = new { sendCooldownSeconds = 0, smsPerNumberPerDay = 2 } });
        var (_, session, _) = await SignUpWithSessionAsync();
        var newPhone = NewPhone();

        var responses = await InParallelAsync(_ => PostAsync("/auth/change-phone", new { password = Password, newPhone }, session));

        Assert.Equal(2, responses.Count(r => r.Status == HttpStatusCode.OK));
        foreach (var limited in responses.Where(r => r.Status != HttpStatusCode.OK)) AssertRetryAfter(limited);
        Assert.Equal(2, await OutboxCountAsync(newPhone));
    }

    [Fact]
    public async Task Sweep_EndedThrottleWindows_AreDeleted_LiveOnesKept()
    {
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 60 }));
        var ended = await SignUpPhoneAsync();
        Fixture.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1)); // the cooldown and the day's count of that number end
        var live = await SignUpPhoneAsync();

        await Services.GetRequiredService<HousekeepingScheduler>().RunOnceAsync(Ct);

        await using var db = Db();
        var keys = await db.Throttles.Select(t => t.Key).ToListAsync(Ct);
        Assert.DoesNotContain(keys, k => k.Contains(ended, StringComparison.Ordinal));
        Assert.Contains($"sms:number:{live}", keys);
        Assert.Contains($"cooldown:{TokenPurposes.VerifyPhone}:{live}", keys);
    }
}
