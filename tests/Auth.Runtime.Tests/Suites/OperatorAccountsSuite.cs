using System.Net;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The last Owner survives concurrent demotions and removals (one conditional statement, proven with parallel
/// requests), an operator's own password change goes through the sign-in lockout and ends their other tokens,
/// and an Owner can unlock a locked operator.
/// </summary>
public abstract class OperatorAccountsSuite(AppFixture fixture) : OperatorSuiteBase(fixture)
{
    private const int Rounds = 8;

    [Fact]
    public async Task ConcurrentDemotions_OfTheLastTwoOwnersByEachOther_LeaveExactlyOneOwner()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var (a, tokenA) = await NewOperatorAsync(OperatorRole.Owner);
            var (b, tokenB) = await NewOperatorAsync(OperatorRole.Owner);
            var others = await LeaveOnlyOwnersAsync(a.Id, b.Id);
            try
            {
                using var clientA = ClientWith(tokenA);
                using var clientB = ClientWith(tokenB);
                var results = await Task.WhenAll(
                    Task.Run(() => SendAsync(clientA, "PUT", $"/admin/api/operators/{b.Id}/role", new { role = "Support" }), Ct),
                    Task.Run(() => SendAsync(clientB, "PUT", $"/admin/api/operators/{a.Id}/role", new { role = "Support" }), Ct));

                Assert.Single(results, r => r.Status == HttpStatusCode.OK);
                // The loser is refused by the statement (last_owner) or, when the winner committed first, already as Support.
                var refused = Assert.Single(results, r => r.Status != HttpStatusCode.OK);
                Assert.Contains(refused.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.Forbidden });
                Assert.Equal(1, await OwnerCountAsync());
            }
            finally
            {
                await RestoreOwnersAsync(others, a.Id, b.Id);
            }
        }
    }

    [Fact]
    public async Task ConcurrentDemotionStatements_OfTheLastTwoOwners_LeaveExactlyOneOwner()
    {
        var administration = Fixture.Factory.Services.GetRequiredService<OperatorAdministration>();
        for (var round = 0; round < Rounds; round++)
        {
            var (a, _) = await NewOperatorAsync(OperatorRole.Owner);
            var (b, _) = await NewOperatorAsync(OperatorRole.Owner);
            var others = await LeaveOnlyOwnersAsync(a.Id, b.Id);
            try
            {
                var results = await Task.WhenAll(
                    Task.Run(() => administration.ChangeRoleAsync(a.Id, OperatorRole.Support, Ct), Ct),
                    Task.Run(() => administration.ChangeRoleAsync(b.Id, OperatorRole.Support, Ct), Ct));

                Assert.Single(results, r => r.IsSuccess);
                Assert.Equal("last_owner", Assert.Single(results, r => !r.IsSuccess).Error!.Code);
                Assert.Equal(1, await OwnerCountAsync());
            }
            finally
            {
                await RestoreOwnersAsync(others, a.Id, b.Id);
            }
        }
    }

    [Fact]
    public async Task ConcurrentRemovals_OfTheLastTwoOwnersByEachOther_LeaveExactlyOneOwner()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var (a, tokenA) = await NewOperatorAsync(OperatorRole.Owner);
            var (b, tokenB) = await NewOperatorAsync(OperatorRole.Owner);
            var others = await LeaveOnlyOwnersAsync(a.Id, b.Id);
            try
            {
                using var clientA = ClientWith(tokenA);
                using var clientB = ClientWith(tokenB);
                var results = await Task.WhenAll(
                    Task.Run(() => SendAsync(clientA, "DELETE", $"/admin/api/operators/{b.Id}"), Ct),
                    Task.Run(() => SendAsync(clientB, "DELETE", $"/admin/api/operators/{a.Id}"), Ct));

                Assert.Single(results, r => r.Status == HttpStatusCode.OK);
                Assert.Equal(1, await OwnerCountAsync());
            }
            finally
            {
                await RestoreOwnersAsync(others, a.Id, b.Id);
            }
        }
    }

    [Fact]
    public async Task ChangeOwnPassword_EndsTheOtherTokens_AndAnswersWithAWorkingOne()
    {
        var (op, token) = await NewOperatorAsync(OperatorRole.Support);
        var otherToken = Operators.IssueToken(op);
        using var client = ClientWith(token);
        using var other = ClientWith(otherToken);
        (await SendAsync(other, "GET", "/admin/api/users")).AssertStatus(HttpStatusCode.OK);

        var changed = await SendAsync(client, "POST", "/admin/api/operators/me/password",
            new { currentPassword = OperatorPassword, newPassword = "a brand new password" });

        changed.AssertStatus(HttpStatusCode.OK);
        (await SendAsync(client, "GET", "/admin/api/users")).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
        (await SendAsync(other, "GET", "/admin/api/users")).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
        using var renewed = ClientWith(changed.Body!["token"]!.GetValue<string>());
        (await SendAsync(renewed, "GET", "/admin/api/users")).AssertStatus(HttpStatusCode.OK);
        Assert.True((await Operators.VerifyCredentialsAsync(op.Email, "a brand new password", Ct)).IsSuccess);
        Assert.False((await Operators.VerifyCredentialsAsync(op.Email, OperatorPassword, Ct)).IsSuccess);
    }

    [Fact]
    public async Task ChangeOwnPassword_ShortNewOrMissingCurrent_NamesTheFields_AndChangesNothing()
    {
        var (op, token) = await NewOperatorAsync(OperatorRole.Owner);
        using var client = ClientWith(token);

        var fields = (await SendAsync(client, "POST", "/admin/api/operators/me/password", new { newPassword = "short" })).ValidationFields().Order();

        Assert.Equal(["currentPassword", "newPassword"], fields);
        Assert.True((await Operators.VerifyCredentialsAsync(op.Email, OperatorPassword, Ct)).IsSuccess);
    }

    [Fact]
    public async Task ChangeOwnPassword_WrongCurrentPasswords_LockLikeSignIn_UntilAnOwnerUnlocks()
    {
        var (op, token) = await NewOperatorAsync(OperatorRole.Support);
        using var client = ClientWith(token);
        var wrong = new { currentPassword = "not the password", newPassword = "a brand new password" };
        for (var i = 0; i < OperatorService.LockoutThreshold; i++)
            (await SendAsync(client, "POST", "/admin/api/operators/me/password", wrong)).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

        var right = new { currentPassword = OperatorPassword, newPassword = "a brand new password" };
        (await SendAsync(client, "POST", "/admin/api/operators/me/password", right)).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.False((await Operators.VerifyCredentialsAsync(op.Email, OperatorPassword, Ct)).IsSuccess);

        using var admin = await Fixture.CreateOperatorClientAsync();
        (await SendAsync(admin, "POST", $"/admin/api/operators/{op.Id}/unlock")).AssertStatus(HttpStatusCode.OK);

        await using (var db = Db())
        {
            var row = await db.Operators.SingleAsync(o => o.Id == op.Id, Ct);
            Assert.Equal(0, row.FailedSignInCount);
            Assert.Null(row.LockoutEndsAt);
        }
        (await SendAsync(client, "POST", "/admin/api/operators/me/password", right)).AssertStatus(HttpStatusCode.OK);
    }
}
