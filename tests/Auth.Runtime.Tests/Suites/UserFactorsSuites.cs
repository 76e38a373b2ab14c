using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Issue 11's leftovers on both providers (the SQL Server one skips without AUTH_TEST_SQLSERVER).

public sealed class UserFactorsSqliteTests(SqliteAppFixture f) : UserFactorsSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class UserFactorsSqlServerTests(SqlServerAppFixture f) : UserFactorsSuite(f), IClassFixture<SqlServerAppFixture>;
