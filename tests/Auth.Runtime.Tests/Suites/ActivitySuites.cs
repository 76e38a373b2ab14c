using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The activity log on both providers (the SQL Server ones skip without AUTH_TEST_SQLSERVER).

public sealed class ActivitySqliteTests(SqliteAppFixture f) : Activity.ActivitySuite(f), IClassFixture<SqliteAppFixture>;

public sealed class ActivitySqlServerTests(SqlServerAppFixture f) : Activity.ActivitySuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class ActivityPagingSqliteTests(SqliteAppFixture f) : Activity.ActivityPagingSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class ActivityPagingSqlServerTests(SqlServerAppFixture f) : Activity.ActivityPagingSuite(f), IClassFixture<SqlServerAppFixture>;
