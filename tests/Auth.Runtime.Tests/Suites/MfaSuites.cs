using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The second-factor suite on both providers (the SQL Server one skips without AUTH_TEST_SQLSERVER).

public sealed class MfaSqliteTests(SqliteAppFixture f) : MfaSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class MfaSqlServerTests(SqlServerAppFixture f) : MfaSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class MfaSignInFlowsSqliteTests(SqliteAppFixture f) : Messaging.MfaSignInFlowsSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class MfaSignInFlowsSqlServerTests(SqlServerAppFixture f) : Messaging.MfaSignInFlowsSuite(f), IClassFixture<SqlServerAppFixture>;
