using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Runtime.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>
/// Parallel dispatch (issue 9): batches claimed by several dispatchers on one database, sent over kept SMTP
/// connections and bounded SMS requests, against the real loopback SMTP server and the SMS provider fake.
/// </summary>
public abstract class OutboxParallelSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    [Fact]
    public async Task FourDispatchers_BacklogOfThreeHundred_DeliverEveryMessageExactlyOnce()
    {
        var recipients = Enumerable.Range(0, 300).Select(_ => NewEmail("backlog")).ToList();
        await EnqueueAsync(OutboxChannel.Email, recipients.Select(to => (to, "Backlog")));

        await Task.WhenAll(Dispatchers(4).Select(d => d.DispatchOnceAsync(Ct)));
        await WaitUntilAsync(() => Smtp.Received.Count(m => m.Recipients.Any(recipients.Contains)) >= recipients.Count);
        await Dispatcher.DispatchOnceAsync(Ct); // anything left would go now and show up as a second mail

        foreach (var to in recipients) Assert.Single(Smtp.To(to));
        Assert.Equal(recipients.Count, Smtp.Received.Count(m => m.Recipients.Any(recipients.Contains)));
        Assert.All(await RowsAsync(recipients), row => Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts)));
        // Kept connections: far fewer SMTP sessions than mails.
        Assert.True(Smtp.Sessions < recipients.Count / 4, $"{Smtp.Sessions} SMTP sessions for {recipients.Count} mails");
    }

    [Fact]
    public async Task ParallelDispatch_SeveralMessagesPerRecipient_ArriveInCreationOrder()
    {
        var recipients = Enumerable.Range(0, 12).Select(_ => NewEmail("order")).ToList();
        // Interleaved, as separate requests would write them: message n of every recipient before message n + 1.
        await EnqueueAsync(OutboxChannel.Email, Enumerable.Range(1, 8).SelectMany(n => recipients.Select(to => (to, $"#{n}"))));

        await Task.WhenAll(Dispatchers(4).Select(d => d.DispatchOnceAsync(Ct)));
        await WaitUntilAsync(() => Smtp.Received.Count(m => m.Recipients.Any(recipients.Contains)) >= recipients.Count * 8);
        await Dispatcher.DispatchOnceAsync(Ct);

        var expected = Enumerable.Range(1, 8).Select(n => (string?)$"#{n}").ToList();
        foreach (var to in recipients) Assert.Equal(expected, Smtp.To(to).Select(m => m.Message.Subject).ToList());
    }

    [Fact]
    public async Task ParallelDispatch_MessagesWrittenInTheSameClockTick_ArriveInTheOrderWritten()
    {
        // The fixture's clock is frozen, as a coarse clock would be: every row carries the same CreatedAt.
        var recipients = Enumerable.Range(0, 6).Select(_ => NewPhone()).Distinct().ToList();
        await EnqueueAsync(OutboxChannel.Sms, Enumerable.Range(1, 5).SelectMany(n => recipients.Select(to => (to, $"Your code is 00000{n}"))), sameTick: true);

        await Task.WhenAll(Dispatchers(4).Select(d => d.DispatchOnceAsync(Ct)));
        await WaitUntilAsync(() => recipients.All(p => TextsTo(p).Count >= 5));
        await Dispatcher.DispatchOnceAsync(Ct);

        var expected = Enumerable.Range(1, 5).Select(n => $"Your code is 00000{n}").ToList();
        foreach (var to in recipients) Assert.Equal(expected, TextsTo(to).Select(t => t.Form["Body"]).ToList());
    }

    [Fact]
    public async Task Claim_SeveralMessagesPerRecipient_TakesOnlyTheOldestOpenOneOfEach()
    {
        var (a, b) = (NewEmail("claim-a"), NewEmail("claim-b"));
        await EnqueueAsync(OutboxChannel.Email, [(a, "#1"), (b, "#1"), (a, "#2"), (b, "#2"), (a, "#3")]);
        var leases = Services.GetRequiredService<OutboxLeases>();
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        var until = now.AddMinutes(2);
        string[] Mine(IEnumerable<OutboxMessage> rows) => [.. rows.Where(r => r.To == a || r.To == b).Select(r => $"{r.To[..7]} {r.Subject}")];

        // Two claims at once (two nodes): each recipient's first message once, nothing else.
        var claims = await Task.WhenAll(leases.ClaimAsync("test.1", 50, now, until, Ct), leases.ClaimAsync("test.2", 50, now, until, Ct));
        Assert.Equal(["claim-a #1", "claim-b #1"], Mine(claims.SelectMany(c => c)).Order());

        // While those are in flight, their recipients' next messages stay put.
        Assert.Empty(Mine(await leases.ClaimAsync("test.3", 50, now, until, Ct)));

        // a's first is sent, b's is retried later: a's second is next; b's second waits behind b's first.
        var first = claims.SelectMany(c => c).Where(r => r.To == a || r.To == b).ToList();
        var sentA = first.Single(r => r.To == a);
        await leases.MarkSentAsync(claims.Single(c => c.Contains(sentA)) == claims[0] ? "test.1" : "test.2", [sentA.Id], now);
        var retryB = first.Single(r => r.To == b);
        await leases.FinishAsync(claims.Single(c => c.Contains(retryB)) == claims[0] ? "test.1" : "test.2",
            new OutboxOutcome(retryB.Id, OutboxStatus.Pending, 1, null, now.AddMinutes(1), "later"));
        Assert.Equal(["claim-a #2"], Mine(await leases.ClaimAsync("test.4", 50, now, until, Ct)));
    }

    [Fact]
    public async Task SmtpConnectionDroppedMidBatch_IsReconnectedAndNothingIsLostOrDoubled()
    {
        Smtp.DropConnectionsAfter = 3;
        var recipients = Enumerable.Range(0, 40).Select(_ => NewEmail("drop")).ToList();
        await EnqueueAsync(OutboxChannel.Email, recipients.Select(to => (to, "Drop")));

        await Task.WhenAll(Dispatchers(2).Select(d => d.DispatchOnceAsync(Ct)));
        await WaitUntilAsync(() => Smtp.Received.Count(m => m.Recipients.Any(recipients.Contains)) >= recipients.Count);
        await Dispatcher.DispatchOnceAsync(Ct);

        Assert.True(Smtp.Drops > 0, "the server never dropped a connection");
        foreach (var to in recipients) Assert.Single(Smtp.To(to));
        // The server closed the connection before any byte of the mail: resent at once, no attempt lost to it.
        Assert.All(await RowsAsync(recipients), row => Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (row.Status, row.Attempts, row.LastError)));
    }

    [Fact]
    public async Task SmsBacklog_FourDispatchers_NeverMoreRequestsInFlightThanTheProviderLimit()
    {
        var limit = Services.GetRequiredService<MessagingOptions>().SmsLimits(SmsProvider.Twilio).MaxConcurrency;
        var phones = Enumerable.Range(0, limit * 3).Select(_ => NewPhone()).Distinct().ToList();
        Sms.Hold();
        await EnqueueAsync(OutboxChannel.Sms, phones.Select(to => (to, "Your code is 123456")));

        var passes = Task.WhenAll(Dispatchers(4).Select(d => d.DispatchOnceAsync(Ct)));
        await WaitUntilAsync(() => Sms.InFlight >= limit);
        Sms.Release();
        await passes;
        await WaitUntilAsync(() => phones.All(p => TextsTo(p).Count > 0));
        await Dispatcher.DispatchOnceAsync(Ct);

        Assert.Equal(limit, Sms.MaxInFlight);
        foreach (var phone in phones) Assert.Single(TextsTo(phone));
    }

    private List<OutboxDispatcher> Dispatchers(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services))];

    /// <summary>Writes pending rows as a flow would (one transaction), oldest first in the given order.</summary>
    private async Task EnqueueAsync(string channel, IEnumerable<(string To, string Subject)> messages, bool sameTick = false)
    {
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        await using var db = Db();
        var i = 0;
        foreach (var (to, subject) in messages)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = sameTick ? OutboxIds.Next(now) : TokenHashing.RandomHex(16),
                Channel = channel,
                Type = channel == OutboxChannel.Sms ? "verify_sms_code" : "confirm_email",
                To = to,
                Subject = channel == OutboxChannel.Sms ? null : subject,
                Body = channel == OutboxChannel.Sms ? subject : $"<p>{subject}</p>",
                Status = OutboxStatus.Pending,
                CreatedAt = sameTick ? now : now.AddTicks(i++),
                NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<OutboxMessage>> RowsAsync(IReadOnlyCollection<string> recipients)
    {
        await using var db = Db();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => recipients.Contains(m.To)).ToListAsync(Ct);
        Assert.Equal(recipients.Count, rows.Count);
        return rows;
    }

    private static Task WaitUntilAsync(Func<bool> condition) =>
        Eventually.Until(condition, TimeSpan.FromSeconds(60), "every message of the backlog to arrive");
}
