using System.Reflection;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// Every integration suite runs on both providers: an abstract class deriving from <see cref="SuiteBase"/> that
/// declares tests has exactly one concrete subclass bound to <see cref="SqliteAppFixture"/> and exactly one bound to
/// <see cref="SqlServerAppFixture"/>. A suite registered for one provider only would silently never run on the other.
/// </summary>
public sealed class SuiteBindingTests
{
    [Fact]
    public void EverySuite_HasOneSqliteAndOneSqlServerSubclass()
    {
        var types = typeof(SuiteBase).Assembly.GetTypes().Where(t => t.DeclaringType != typeof(SuiteBindingTests));

        var problems = SuiteBindings.Problems(types);

        Assert.True(problems.Count == 0, "Suites not bound to both providers (add both subclasses to Suites/<Topic>Suites.cs):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void EverySuite_FindsTheSuitesInThisAssembly()
    {
        var suites = SuiteBindings.Suites(typeof(SuiteBase).Assembly.GetTypes()).Select(t => t.Name).ToList();

        // Spot checks that the scan sees suites declared plainly, as partial classes, and under an intermediate base.
        Assert.Contains("EmailAuthSuite", suites);
        Assert.Contains("LockoutSuite", suites);
        Assert.Contains("SendLimitsSuite", suites);
        Assert.Contains("OAuthProviderSuite", suites);
        Assert.DoesNotContain("SmsSuiteBase", suites);
    }

    [Fact]
    public void Problems_SuiteWithoutSubclasses_IsReportedForBothProviders()
    {
        var problems = SuiteBindings.Problems([typeof(UnboundSuite)]);

        Assert.Equal(
            [$"{nameof(UnboundSuite)}: 0 SQLite subclasses (expected 1)", $"{nameof(UnboundSuite)}: 0 SQL Server subclasses (expected 1)"],
            problems);
    }

    /// <summary>A suite nobody registered: abstract, so xunit never runs it; the guard must report it.</summary>
    public abstract class UnboundSuite(AppFixture fixture) : SuiteBase(fixture)
    {
        [Fact]
        public void Sample_NeverRuns() => Assert.Fail("an abstract suite's test never runs");
    }
}

/// <summary>The reflection behind <see cref="SuiteBindingTests"/>.</summary>
public static class SuiteBindings
{
    /// <summary>Abstract <see cref="SuiteBase"/> descendants that declare test methods of their own.</summary>
    public static IEnumerable<Type> Suites(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: true } && t.IsSubclassOf(typeof(SuiteBase)) && DeclaresTests(t));

    public static List<string> Problems(IEnumerable<Type> types)
    {
        var all = types.ToList();
        var problems = new List<string>();
        foreach (var suite in Suites(all).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var bound = all.Where(t => t is { IsClass: true, IsAbstract: false } && t.BaseType == suite).ToList();
            var sqlite = bound.Count(t => FixtureOf(t) == typeof(SqliteAppFixture));
            var sqlServer = bound.Count(t => FixtureOf(t) == typeof(SqlServerAppFixture));
            if (sqlite != 1) problems.Add($"{suite.Name}: {sqlite} SQLite subclasses (expected 1)");
            if (sqlServer != 1) problems.Add($"{suite.Name}: {sqlServer} SQL Server subclasses (expected 1)");
            problems.AddRange(bound.Where(t => FixtureOf(t) is not { } f || (f != typeof(SqliteAppFixture) && f != typeof(SqlServerAppFixture)))
                .Select(t => $"{suite.Name}: {t.Name} is bound to neither provider's fixture"));
        }
        return problems;
    }

    private static bool DeclaresTests(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()); // TheoryAttribute derives from FactAttribute

    private static Type? FixtureOf(Type type) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Select(i => i.GetGenericArguments()[0]).SingleOrDefault(f => typeof(AppFixture).IsAssignableFrom(f));
}
