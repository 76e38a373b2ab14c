using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

public sealed class RouteMapSqliteTests(SqliteAppFixture f) : RouteMapSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class RouteMapSqlServerTests(SqlServerAppFixture f) : RouteMapSuite(f), IClassFixture<SqlServerAppFixture>;
