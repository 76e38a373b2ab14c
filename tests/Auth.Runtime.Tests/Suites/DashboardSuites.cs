using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The activity log's remaining flows (issue 10 item 2's gaps) on both providers; the SQL Server ones skip without AUTH_TEST_SQLSERVER.

public sealed class ActivityLinksSqliteTests(SqliteAppFixture f) : Activity.ActivityLinksSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class ActivityLinksSqlServerTests(SqlServerAppFixture f) : Activity.ActivityLinksSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class ActivityPhoneSqliteTests(SqliteAppFixture f) : Activity.ActivityPhoneSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class ActivityPhoneSqlServerTests(SqlServerAppFixture f) : Activity.ActivityPhoneSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class ActivityOAuthSqliteTests(SqliteAppFixture f) : Activity.ActivityOAuthSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class ActivityOAuthSqlServerTests(SqlServerAppFixture f) : Activity.ActivityOAuthSuite(f), IClassFixture<SqlServerAppFixture>;
