using System.Net.Http.Headers;
using System.Net.Http.Json;
using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// Operators made for one test through the real <see cref="OperatorService"/>, with tokens issued in-process (the
/// token endpoint's per-address bucket stays for the tests about it). The fixture's own operator is never changed,
/// except where a test needs "the last Owners" and puts it back.
/// </summary>
public abstract class OperatorSuiteBase(AppFixture fixture) : SuiteBase(fixture)
{
    protected const string OperatorPassword = "operator password 12";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected OperatorService Operators => Fixture.Factory.Services.GetRequiredService<OperatorService>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // A fresh one-minute window of the operator-attempts bucket for every test.
        Fixture.Time.Advance(TimeSpan.FromMinutes(2));
    }

    protected async Task<(Operator Op, string Token)> NewOperatorAsync(OperatorRole role)
    {
        var created = await Operators.CreateAsync(NewEmail("op"), OperatorPassword, role, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return (created.Value, Operators.IssueToken(created.Value));
    }

    protected HttpClient ClientWith(string token)
    {
        var client = Fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected static async Task<ApiResponse> SendAsync(HttpClient client, string method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null || method is "POST" or "PUT" or "PATCH") request.Content = JsonContent.Create(body ?? new { });
        return await ApiResponse.ReadAsync(await client.SendAsync(request, Ct));
    }

    protected async Task<int> OwnerCountAsync()
    {
        await using var db = Db();
        return await db.Operators.CountAsync(o => o.Role == OperatorRole.Owner, Ct);
    }

    /// <summary>Makes every Owner but <paramref name="keep"/> Support; the returned ids are made Owners again by <see cref="RestoreOwnersAsync"/>.</summary>
    protected async Task<List<string>> LeaveOnlyOwnersAsync(params string[] keep)
    {
        await using var db = Db();
        var others = await db.Operators.Where(o => o.Role == OperatorRole.Owner && !keep.Contains(o.Id)).Select(o => o.Id).ToListAsync(Ct);
        await db.Operators.Where(o => others.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.Role, OperatorRole.Support), Ct);
        return others;
    }

    protected async Task RestoreOwnersAsync(IEnumerable<string> ids, params string[] remove)
    {
        await using var db = Db();
        var list = ids.ToList();
        await db.Operators.Where(o => list.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.Role, OperatorRole.Owner), CancellationToken.None);
        await db.Operators.Where(o => remove.Contains(o.Id)).ExecuteDeleteAsync(CancellationToken.None);
    }
}
