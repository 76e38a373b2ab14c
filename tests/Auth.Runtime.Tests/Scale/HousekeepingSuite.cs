using Auth.Core.Data.Entities;
using Auth.Core.Housekeeping;
using Auth.Core.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Scale;

/// <summary>
/// Issue 9, item 5: the hourly housekeeping deletes ended sessions, finished outbox rows and expired tokens after their
/// retention, in batches of <see cref="BatchedDelete.DefaultBatchSize"/> (one statement each), and nothing else.
/// </summary>
public abstract class HousekeepingSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private const int Batch = BatchedDelete.DefaultBatchSize;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override object? Baseline => new { housekeeping = new { sessionRetentionDays = 7, sentMessageRetentionDays = 30, failedMessageRetentionDays = 90, tokenRetentionDays = 1 } };

    private T Job<T>() where T : IHousekeepingJob =>
        Fixture.Factory.Services.GetServices<IHousekeepingJob>().OfType<T>().Single();

    [Fact]
    public async Task SessionPurge_DeletesSessionsEndedBeforeRetention_InBatches_AndKeepsTheRest()
    {
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        var owner = UserSeeding.NewUser($"sessions-{Guid.NewGuid():N}@example.test", now);
        var expiredLongAgo = Sessions(owner, 2 * Batch + 500, expiresAt: now.AddDays(-8), revokedAt: null);
        var revokedLongAgo = Sessions(owner, 300, expiresAt: now.AddDays(20), revokedAt: now.AddDays(-8));
        var kept = Sessions(owner, 10, expiresAt: now.AddDays(20), revokedAt: null)            // live
            .Concat(Sessions(owner, 10, expiresAt: now.AddDays(-6), revokedAt: null))            // expired within retention
            .Concat(Sessions(owner, 10, expiresAt: now.AddDays(20), revokedAt: now.AddDays(-6))) // revoked within retention
            .ToList();
        await using (var db = Db())
        {
            await db.Sessions.ExecuteDeleteAsync(Ct);
            db.Users.Add(owner);
            db.Sessions.AddRange([.. expiredLongAgo, .. revokedLongAgo, .. kept]);
            await db.SaveChangesAsync(Ct);
        }

        var outcome = await Job<SessionPurge>().RunAsync(Ct);

        Assert.Equal(new HousekeepingOutcome(2 * Batch + 500 + 300, 3 + 1), outcome);
        await using var check = Db();
        Assert.Equal(kept.Select(s => s.Id).Order(), (await check.Sessions.Select(s => s.Id).ToListAsync(Ct)).Order());
    }

    [Fact]
    public async Task SentMessagePurge_DeletesFinishedMessagesAfterRetention_AndNeverPendingOnes()
    {
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        var old = now.AddDays(-31);
        var sent = Messages(Batch, OutboxStatus.Sent, old).Concat(Messages(100, OutboxStatus.Captured, old)).ToList();
        var failedLongAgo = Messages(5, OutboxStatus.Failed, now.AddDays(-91));
        var kept = Messages(5, OutboxStatus.Pending, old)
            .Concat(Messages(5, OutboxStatus.Sending, old))
            .Concat(Messages(5, OutboxStatus.Failed, old))          // failed: kept for 90 days
            .Concat(Messages(5, OutboxStatus.Sent, now.AddDays(-29)))
            .ToList();
        await using (var db = Db())
        {
            await db.OutboxMessages.ExecuteDeleteAsync(Ct);
            db.OutboxMessages.AddRange([.. sent, .. failedLongAgo, .. kept]);
            await db.SaveChangesAsync(Ct);
        }

        var outcome = await Job<SentMessagePurge>().RunAsync(Ct);

        Assert.Equal(new HousekeepingOutcome(Batch + 100 + 5, 2 + 1), outcome);
        await using var check = Db();
        Assert.Equal(kept.Select(m => m.Id).Order(), (await check.OutboxMessages.Select(m => m.Id).ToListAsync(Ct)).Order());
    }

    [Fact]
    public async Task Scheduler_RunsOneJobPerConcern_AndTokensGoADayAfterExpiry_InBatches()
    {
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        var expired = Tokens(Batch + 1, now.AddDays(-1).AddMinutes(-1));
        var kept = Tokens(3, now.AddHours(-23)).Concat(Tokens(3, now.AddHours(1))).ToList();
        await using (var db = Db())
        {
            await db.OneTimeTokens.ExecuteDeleteAsync(Ct);
            db.OneTimeTokens.AddRange([.. expired, .. kept]);
            await db.SaveChangesAsync(Ct);
        }

        var outcomes = await Fixture.Factory.Services.GetRequiredService<HousekeepingScheduler>().RunOnceAsync(Ct);

        Assert.Equal(["event-rollups", "events", "lockouts", "mfa-challenges", "outbox", "passkey-challenges", "sessions", "throttles", "tokens", "unverified-accounts"], outcomes.Keys.Order());
        Assert.Equal(new HousekeepingOutcome(Batch + 1, 2), outcomes["tokens"]);
        await using var check = Db();
        Assert.Equal(kept.Select(t => t.Id).Order(), (await check.OneTimeTokens.Select(t => t.Id).ToListAsync(Ct)).Order());
    }

    private static List<Session> Sessions(User owner, int count, DateTime expiresAt, DateTime? revokedAt) =>
        Enumerable.Range(0, count).Select(_ => new Session
        {
            Id = Guid.NewGuid().ToString("N"), UserId = owner.Id, CreatedAt = expiresAt.AddDays(-30), LastSeenAt = expiresAt.AddDays(-30),
            ExpiresAt = expiresAt, RevokedAt = revokedAt,
        }).ToList();

    private static List<OutboxMessage> Messages(int count, string status, DateTime createdAt) =>
        Enumerable.Range(0, count).Select(_ => new OutboxMessage
        {
            Id = Guid.NewGuid().ToString("N"), Channel = OutboxChannel.Email, Type = "magic_link", To = "someone@example.test",
            Body = "<p>hi</p>", Status = status, CreatedAt = createdAt, SentAt = status is OutboxStatus.Sent or OutboxStatus.Captured ? createdAt : null,
        }).ToList();

    private static List<OneTimeToken> Tokens(int count, DateTime expiresAt) =>
        Enumerable.Range(0, count).Select(_ => new OneTimeToken
        {
            Id = Guid.NewGuid().ToString("N"), Purpose = "access", TokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            CreatedAt = expiresAt.AddMinutes(-5), ExpiresAt = expiresAt,
        }).ToList();
}
