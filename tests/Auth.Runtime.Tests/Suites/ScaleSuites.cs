using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Issue 9: a million users (keyset paging, indexed prefix search) and housekeeping, on both providers
// (SQL Server skips without AUTH_TEST_SQLSERVER).

public sealed class UserListingSqliteTests(SqliteAppFixture f) : Scale.UserListingSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class UserListingSqlServerTests(SqlServerAppFixture f) : Scale.UserListingSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class HousekeepingSqliteTests(SqliteAppFixture f) : Scale.HousekeepingSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class HousekeepingSqlServerTests(SqlServerAppFixture f) : Scale.HousekeepingSuite(f), IClassFixture<SqlServerAppFixture>;
