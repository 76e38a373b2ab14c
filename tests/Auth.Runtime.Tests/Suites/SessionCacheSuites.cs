using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The session cache suite on both providers (the SQL Server one skips without AUTH_TEST_SQLSERVER).

public sealed class SessionCacheSqliteTests(SqliteAppFixture f) : SessionCacheSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class SessionCacheSqlServerTests(SqlServerAppFixture f) : SessionCacheSuite(f), IClassFixture<SqlServerAppFixture>;
