using Auth.Core;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Auth.Runtime.Messaging;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studio.Web.Security;

namespace Studio.Web.Tests.Infrastructure;

/// <summary>What a test gets back: the signed-in operator and the folder holding its database file.</summary>
public sealed record StudioTestEnvironment(Operator Operator, string Directory, BunitAuthorizationContext Authorization);

public static class StudioTestServices
{
    public const string OperatorEmail = "operator@example.test";
    public const string OperatorPassword = "operator-password-1";
    public const string PublicBaseUrl = "http://auth.test";

    /// <summary>
    /// Real Auth.Core services over a fresh SQLite file (migrated like a real start), the studio's
    /// component services, MudBlazor, and a signed-in operator. Call before rendering anything.
    /// </summary>
    public static async Task<StudioTestEnvironment> AddStudioTestServicesAsync(this BunitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = Path.Combine(Path.GetTempPath(), "studio-bunit-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var options = new AuthCoreOptions { PublicBaseUrl = PublicBaseUrl };
        options.Database.Provider = DatabaseProvider.Sqlite;
        options.Database.ConnectionString = $"Data Source={Path.Combine(directory, "studio.db")};Pooling=False";

        context.Services.AddLogging();
        context.Services.AddAuthCore(options);
        context.Services.AddAuthMessagingRuntime(); // the senders behind "test connection" and "send test SMS"; the dispatcher is never started
        context.Services.AddStudioComponentServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var authorization = context.AddAuthorization();
        // The studio's real policies instead of bUnit's stand-in, so pages and AuthorizeViews are judged as in production.
        context.Services.RemoveAll<IAuthorizationService>();
        context.Services.RemoveAll<IAuthorizationPolicyProvider>();
        context.Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        context.Services.AddTransient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        context.Services.AddStudioAuthorization();

        var ct = TestContext.Current.CancellationToken;
        await context.Services.GetRequiredService<AuthStartup>().StartingAsync(ct);
        var created = await context.Services.GetRequiredService<OperatorService>().CreateAsync(OperatorEmail, OperatorPassword, ct);
        var op = created.Value;
        authorization.SetAuthorized(op.Email);
        SetRole(authorization, op, OperatorRole.Owner);
        return new StudioTestEnvironment(op, directory, authorization);
    }

    /// <summary>The signed-in operator's claims as the studio's cookie carries them (id and role).</summary>
    public static void SetRole(BunitAuthorizationContext authorization, Operator op, OperatorRole role)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(op);
        authorization.SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, op.Id),
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role.ToString()));
    }
}
