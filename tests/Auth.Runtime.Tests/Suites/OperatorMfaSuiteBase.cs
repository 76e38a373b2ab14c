using System.Globalization;
using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Auth.Core.Operators.Mfa;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Auth.Runtime.Tests.Suites;

/// <summary>Operators with an authenticator, enrolled through the real <see cref="OperatorTotp"/>; codes computed as the app would.</summary>
public abstract class OperatorMfaSuiteBase(AppFixture fixture) : OperatorSuiteBase(fixture)
{
    protected OperatorTotp Totp => Fixture.Factory.Services.GetRequiredService<OperatorTotp>();

    protected OperatorMfaPolicy Policy => Fixture.Factory.Services.GetRequiredService<OperatorMfaPolicy>();

    /// <summary>A new operator with a confirmed authenticator; the clock moves one step on, so the confirming code is spent and past.</summary>
    protected async Task<(Operator Op, byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnrolledOperatorAsync(OperatorRole role = OperatorRole.Owner)
    {
        var (op, _) = await NewOperatorAsync(role);
        var started = await Totp.StartAsync(op.Id, Ct);
        Assert.True(started.IsSuccess, started.Error?.Message);
        Assert.StartsWith("otpauth://totp/", started.Value.OtpauthUrl, StringComparison.Ordinal);
        var secret = Base32Encoding.ToBytes(started.Value.Secret);
        var confirmed = await Totp.ConfirmAsync(op.Id, started.Value.FactorId, Code(secret), Ct);
        Assert.True(confirmed.IsSuccess, confirmed.Error?.Message);
        Assert.Equal(10, confirmed.Value.Count);
        Fixture.Time.Advance(TimeSpan.FromSeconds(30));
        return (op, secret, confirmed.Value);
    }

    protected string Code(byte[] secret) => new Totp(secret).ComputeTotp(Fixture.Time.GetUtcNow().UtcDateTime);

    /// <summary>Six digits that are the code of none of the steps the drift window accepts now.</summary>
    protected string WrongCode(byte[] secret)
    {
        var totp = new Totp(secret);
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        var accepted = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        var candidate = int.Parse(totp.ComputeTotp(now), CultureInfo.InvariantCulture);
        string wrong;
        do wrong = (++candidate % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        while (accepted.Contains(wrong));
        return wrong;
    }

    protected async Task<ApiResponse> TokenAsync(object body)
    {
        using var client = Fixture.CreateClient();
        return await SendAsync(client, "POST", "/admin/api/token", body);
    }

    protected async Task<Operator> ReloadAsync(string id)
    {
        await using var db = Db();
        return await db.Operators.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    protected async Task<List<string>> EventTypesOfAsync(string operatorId)
    {
        await using var db = Db();
        var needle = $"\"operatorId\":\"{operatorId}\"";
        return await db.Events.Where(e => e.Detail != null && e.Detail.Contains(needle)).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync(Ct);
    }
}
