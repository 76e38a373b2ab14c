using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The lockout and reset-revocation suites on both providers (the SQL Server ones skip without AUTH_TEST_SQLSERVER).

public sealed class LockoutSqliteTests(SqliteAppFixture f) : LockoutSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class LockoutSqlServerTests(SqlServerAppFixture f) : LockoutSuite(f), IClassFixture<SqlServerAppFixture>;
