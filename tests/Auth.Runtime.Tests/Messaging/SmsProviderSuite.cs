using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Runtime.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>The exact wire format of each SMS gateway, their success and error answers, retries and dead letters.</summary>
public abstract class SmsProviderSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    private async Task<string> SendCodeAsync()
    {
        var phone = NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = Password })).AssertStatus(HttpStatusCode.OK);
        return phone;
    }

    private async Task<JsonObject> OutboxRowAsync(string phone) => Assert.Single(await MessagesAsync(phone))!.AsObject();

    [Fact]
    public async Task Twilio_Send_PostsTheFormWithBasicAuth()
    {
        var phone = await SendCodeAsync();
        var code = await CodeAsync(phone);

        var request = Assert.Single(TextsTo(phone));
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{TwilioSid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioSid}:{TwilioToken}")), request.Header("Authorization"));
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(TwilioFrom, request.Form["From"]);
        Assert.Equal(phone, request.Form["To"]);
        Assert.Contains(code, request.Form["Body"], StringComparison.Ordinal);
        Assert.Equal(["To", "From", "Body"], request.Form.Keys.ToArray());

        var row = await OutboxRowAsync(phone);
        Assert.Equal("sent", row["status"]!.GetValue<string>());
        Assert.Equal(1, row["attempts"]!.GetValue<int>());
        Assert.NotNull(row["sentAt"]);
    }

    [Fact]
    public async Task Twilio_MessagingServiceSid_IsSentAsMessagingServiceSid()
    {
        await Fixture.PublishAsync(new
        {
            phone = new { enabled = true },
            sms = new { twilio = new { accountSid = TwilioSid, authToken = TwilioToken, from = "MG0123456789abcdef0123456789abcdef", apiBaseUrl = Sms.BaseUrl } },
            security = new { sendCooldownSeconds = 0 },
        });
        var phone = await SendCodeAsync();
        await CodeAsync(phone);
        var form = Assert.Single(TextsTo(phone)).Form;
        Assert.Equal("MG0123456789abcdef0123456789abcdef", form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }

    [Fact]
    public async Task Twilio_RefusesTheNumber_DeadLettersAtOnceWithTwiliosErrorText()
    {
        Sms.Default = new FakeAnswer(400,
            """{"code":21211,"message":"The 'To' number +14155550100 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""");
        var phone = await SendCodeAsync();
        await Dispatcher.DispatchOnceAsync(Ct);

        var row = await OutboxRowAsync(phone);
        Assert.Equal("failed", row["status"]!.GetValue<string>());
        Assert.Equal(1, row["attempts"]!.GetValue<int>());
        Assert.Equal("Twilio 400: The 'To' number +14155550100 is not a valid phone number. (code 21211)", row["lastError"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageBird_Send_PostsJsonWithAccessKey()
    {
        Sms.Default = new FakeAnswer(201,
            """{"id":"e8077d803532c0b5937c639b60216938","href":"https://rest.messagebird.com/messages/e8077d803532c0b5937c639b60216938","direction":"mt","type":"sms","originator":"AuthStudio","body":"x","recipients":{"totalCount":1,"totalSentCount":1}}""");
        await Fixture.PublishAsync(new
        {
            phone = new { enabled = true, smsProvider = "MessageBird" },
            sms = new { messageBird = new { accessKey = "live_bird_key", originator = "AuthStudio", apiBaseUrl = Sms.BaseUrl } },
            security = new { sendCooldownSeconds = 0 },
        });
        var phone = await SendCodeAsync();
        await WaitForRequestsAsync(1);

        var request = Assert.Single(Sms.Requests);
        Assert.Equal("/messages", request.Path);
        Assert.Equal("AccessKey live_bird_key", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var json = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("AuthStudio", json["originator"]!.GetValue<string>());
        Assert.Equal(phone.TrimStart('+'), Assert.Single(json["recipients"]!.AsArray())!.GetValue<string>());
        Assert.Matches(@"^\d{6} is your My App verification code", json["body"]!.GetValue<string>());
        Assert.Equal("sent", (await OutboxRowAsync(phone))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageBird_WrongKey_DeadLettersWithTheDescription()
    {
        Sms.Default = new FakeAnswer(401, """{"errors":[{"code":2,"description":"Request not allowed (incorrect access_key)","parameter":"access_key"}]}""");
        await Fixture.PublishAsync(new
        {
            phone = new { enabled = true, smsProvider = "MessageBird" },
            sms = new { messageBird = new { accessKey = "wrong", originator = "AuthStudio", apiBaseUrl = Sms.BaseUrl } },
            security = new { sendCooldownSeconds = 0 },
        });
        var phone = await SendCodeAsync();
        await Dispatcher.DispatchOnceAsync(Ct);
        var row = await OutboxRowAsync(phone);
        Assert.Equal("failed", row["status"]!.GetValue<string>());
        Assert.Equal("MessageBird 401: Request not allowed (incorrect access_key) (code 2)", row["lastError"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vonage_Send_PostsTheForm()
    {
        Sms.Default = new FakeAnswer(200,
            """{"message-count":"1","messages":[{"to":"14155550100","message-id":"0A0000000123ABCD1","status":"0","remaining-balance":"3.14159265","message-price":"0.03330000","network":"12345"}]}""");
        await Fixture.PublishAsync(new
        {
            phone = new { enabled = true, smsProvider = "Vonage" },
            sms = new { vonage = new { apiKey = "abcd1234", apiSecret = "vonage-secret", from = "AuthStudio", apiBaseUrl = Sms.BaseUrl } },
            security = new { sendCooldownSeconds = 0 },
        });
        var phone = await SendCodeAsync();
        await WaitForRequestsAsync(1);

        var request = Assert.Single(Sms.Requests);
        Assert.Equal("/sms/json", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        var form = request.Form;
        Assert.Equal("abcd1234", form["api_key"]);
        Assert.Equal("vonage-secret", form["api_secret"]);
        Assert.Equal("AuthStudio", form["from"]);
        Assert.Equal(phone.TrimStart('+'), form["to"]);
        Assert.Matches(@"^\d{6} is your My App verification code", form["text"]);
        Assert.Equal("sent", (await OutboxRowAsync(phone))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vonage_NonZeroStatus_DeadLettersWithErrorText()
    {
        Sms.Default = new FakeAnswer(200, """{"message-count":"1","messages":[{"status":"4","error-text":"Bad Credentials"}]}""");
        await Fixture.PublishAsync(new
        {
            phone = new { enabled = true, smsProvider = "Vonage" },
            sms = new { vonage = new { apiKey = "abcd1234", apiSecret = "wrong", from = "AuthStudio", apiBaseUrl = Sms.BaseUrl } },
            security = new { sendCooldownSeconds = 0 },
        });
        var phone = await SendCodeAsync();
        await Dispatcher.DispatchOnceAsync(Ct);
        var row = await OutboxRowAsync(phone);
        Assert.Equal("failed", row["status"]!.GetValue<string>());
        Assert.Equal("Vonage status 4: Bad Credentials", row["lastError"]!.GetValue<string>());
    }

    [Fact]
    public async Task Provider500_IsRetriedWithBackoffThenDeadLetteredAndVisible()
    {
        Sms.Default = new FakeAnswer(500, """{"code":20500,"message":"Internal Server Error","more_info":"https://www.twilio.com/docs/errors/20500","status":500}""");
        var phone = await SendCodeAsync();
        var options = Services.GetRequiredService<MessagingOptions>();

        DateTime? previousNext = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            await Dispatcher.DispatchOnceAsync(Ct);
            var row = await OutboxRowAsync(phone);
            Assert.Equal(attempt, row["attempts"]!.GetValue<int>());
            Assert.Contains("Internal Server Error", row["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
            if (attempt < options.MaxAttempts)
            {
                Assert.Equal("pending", row["status"]!.GetValue<string>());
                await using var db = Db();
                var next = db.OutboxMessages.Single(m => m.To == phone).NextAttemptAt!.Value;
                var wait = next - Fixture.Time.GetUtcNow().UtcDateTime;
                var expected = options.RetryBaseDelay.TotalSeconds * Math.Pow(2, attempt - 1);
                Assert.InRange(wait.TotalSeconds, expected * 0.79, expected * 1.21);
                // Not due before its time.
                await Dispatcher.DispatchOnceAsync(Ct);
                Assert.Equal(attempt, (await OutboxRowAsync(phone))["attempts"]!.GetValue<int>());
                Assert.True(previousNext is null || next > previousNext);
                previousNext = next;
                Fixture.Time.Advance(wait + TimeSpan.FromSeconds(1));
            }
        }

        var dead = await OutboxRowAsync(phone);
        Assert.Equal("failed", dead["status"]!.GetValue<string>());
        Assert.Equal(options.MaxAttempts, Sms.Requests.Count);
    }

    [Fact]
    public async Task ProviderTimingOut_IsRetriedThenDeadLettered()
    {
        var options = Services.GetRequiredService<MessagingOptions>();
        var saved = options.SendTimeout;
        options.SendTimeout = TimeSpan.FromMilliseconds(300);
        try
        {
            // The gateway would answer after an hour: a pass that ends at all was ended by the send timeout.
            Sms.Default = TwilioQueued with { Delay = TimeSpan.FromHours(1) };
            var phone = await SendCodeAsync();
            for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
            {
                await Dispatcher.DispatchOnceAsync(Ct).WaitAsync(Eventually.DefaultTimeout, Ct);
                Fixture.Time.Advance(options.RetryMaxDelay + TimeSpan.FromMinutes(1));
            }
            var row = await OutboxRowAsync(phone);
            Assert.Equal("failed", row["status"]!.GetValue<string>());
            Assert.Equal(options.MaxAttempts, row["attempts"]!.GetValue<int>());
            Assert.Contains("did not answer within", row["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            options.SendTimeout = saved;
        }
    }

    private async Task WaitForRequestsAsync(int count)
    {
        await Eventually.Until(async () =>
        {
            if (Sms.Requests.Count >= count) return true;
            await Dispatcher.DispatchOnceAsync(Ct);
            return Sms.Requests.Count >= count;
        }, () => $"{count} requests to the provider fake; got {Sms.Requests.Count}");
        // The fake has the request, but the pass that sent it may still be recording the outcome: passes run one at a
        // time, so one more waits for it to finish.
        await Dispatcher.DispatchOnceAsync(Ct);
    }
}
