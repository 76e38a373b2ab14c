using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The lockout and reset-revocation suites on both providers (the SQL Server ones skip without AUTH_TEST_SQLSERVER).

public sealed class LockoutSqliteTests(SqliteAppFixture f) : LockoutSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class LockoutSqlServerTests(SqlServerAppFixture f) : LockoutSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OperatorSignInThrottleSqliteTests(SqliteAppFixture f) : OperatorSignInThrottleSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OperatorSignInThrottleSqlServerTests(SqlServerAppFixture f) : OperatorSignInThrottleSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class ResetRevocationSqliteTests(SqliteAppFixture f) : Messaging.ResetRevocationSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class ResetRevocationSqlServerTests(SqlServerAppFixture f) : Messaging.ResetRevocationSuite(f), IClassFixture<SqlServerAppFixture>;
