using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Issue 8: send cooldown and SMS pumping limits, on both providers (SQL Server skips without AUTH_TEST_SQLSERVER).

public sealed class SendLimitsSqliteTests(SqliteAppFixture f) : Messaging.SendLimitsSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class SendLimitsSqlServerTests(SqlServerAppFixture f) : Messaging.SendLimitsSuite(f), IClassFixture<SqlServerAppFixture>;
