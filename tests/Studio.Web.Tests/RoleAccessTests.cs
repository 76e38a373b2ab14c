using System.Reflection;
using Auth.Core.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Studio.Web.Components;
using Studio.Web.Components.Layout;
using Studio.Web.Security;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>
/// Which role opens which page (ADR 0017). <see cref="Pages"/> is the decision per route; every routable component
/// must carry exactly that decision, so a new page without one fails here. Each interactive page is then opened
/// through the real router and the real policies as Support and as Owner.
/// </summary>
public sealed class RoleAccessTests : StudioTest
{
    private const string Anonymous = "anonymous";

    public static TheoryData<string, string> Pages => new()
    {
        { "/", StudioPolicies.AnyOperator },
        { "/users", StudioPolicies.AnyOperator },
        { "/users/{Id}", StudioPolicies.AnyOperator },
        { "/users/transfer", StudioPolicies.Owner },
        { "/users/new", StudioPolicies.AnyOperator },
        { "/messages", StudioPolicies.AnyOperator },
        { "/messages/{Id}", StudioPolicies.AnyOperator },
        { "/activity", StudioPolicies.AnyOperator },
        { "/not-allowed", StudioPolicies.AnyOperator },
        { "/account/password", StudioPolicies.AnyOperator },
        { "/account/two-step", StudioPolicies.AnyOperatorEnrolling },
        { "/settings/authentication", StudioPolicies.Owner },
        { "/settings/providers", StudioPolicies.Owner },
        { "/settings/redirect-urls", StudioPolicies.Owner },
        { "/settings/templates", StudioPolicies.Owner },
        { "/settings/templates/{Type}", StudioPolicies.Owner },
        { "/settings/versions", StudioPolicies.Owner },
        { "/operators", StudioPolicies.Owner },
        { "/signin", Anonymous },
        { "/setup", Anonymous },
    };

    /// <summary>
    /// The pages the circuit's router renders, but the refusal page itself (the static account forms are covered over
    /// HTTP in Auth.Runtime.Tests).
    /// </summary>
    public static TheoryData<string, string> InteractivePages => new(Pages
        .Where(p => p.Data.Item2 != Anonymous && p.Data.Item1 != StudioAuth.NotAllowedPath && Routable().Single(r => r.Template == p.Data.Item1).Type.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)
        .Select(p => (p.Data.Item1, p.Data.Item2)));

    [Fact]
    public void EveryPage_CarriesTheRoleDecisionOfTheList()
    {
        var actual = Routable().Select(r => $"{r.Template} → {Decision(r.Type)}").Order(StringComparer.Ordinal);
        var expected = Pages.Select(p => $"{p.Data.Item1} → {p.Data.Item2}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(InteractivePages))]
    public void SupportOperator_OpeningEachPage_IsRefusedExactlyWhereOwnerOnly(string template, string decision)
    {
        StudioTestServices.SetRole(Environment.Authorization, Environment.Operator, OperatorRole.Support);

        var host = Open(template);

        if (decision == StudioPolicies.Owner)
            host.WaitForAssertion(() => Assert.Contains("Not allowed for your role", host.Find("[data-test=not-allowed]").TextContent, StringComparison.Ordinal));
        else
            Assert.Empty(host.FindAll("[data-test=not-allowed]"));
    }

    [Theory]
    [MemberData(nameof(InteractivePages))]
    public void OwnerOperator_OpensEveryPage(string template, string decision)
    {
        _ = decision;
        var host = Open(template);

        Assert.Empty(host.FindAll("[data-test=not-allowed]"));
    }

    [Fact]
    public void Navigation_ForSupport_ShowsOnlyWhatTheRoleOpens()
    {
        StudioTestServices.SetRole(Environment.Authorization, Environment.Operator, OperatorRole.Support);

        var hrefs = Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/users", hrefs);
        Assert.Contains("/messages", hrefs);
        Assert.Contains("/account/password", hrefs);
        Assert.DoesNotContain(hrefs, h => h!.StartsWith("/settings", StringComparison.Ordinal) || h == "/operators");
    }

    [Fact]
    public void Navigation_ForOwner_ShowsSettingsAndOperators()
    {
        var hrefs = Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/settings/authentication", hrefs);
        Assert.Contains("/operators", hrefs);
    }

    /// <summary>The real router (Routes.razor) at the page's URL; returns once authorization has decided.</summary>
    private IRenderedComponent<Routes> Open(string template)
    {
        // As on a live circuit: the layout asks the browser for its width once interactive.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Navigation.NavigateTo(template.Replace("{Id}", "000000000000000000000000", StringComparison.Ordinal)
            .Replace("{Type}", "confirm_email", StringComparison.Ordinal));
        var host = Render<Routes>();
        host.WaitForAssertion(() =>
        {
            Assert.NotEmpty(host.FindAll("[data-test=drawer]"));
            Assert.DoesNotContain("Authorizing", host.Markup, StringComparison.Ordinal);
        });
        return host;
    }

    private static IEnumerable<(string Template, Type Type)> Routable() =>
        typeof(Routes).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t)));

    private static string Decision(Type page)
    {
        if (page.GetCustomAttribute<AllowAnonymousAttribute>() is not null) return Anonymous;
        var policies = page.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        return policies.Count == 1 ? policies[0] : $"no single decision ({string.Join(", ", policies)})";
    }
}
