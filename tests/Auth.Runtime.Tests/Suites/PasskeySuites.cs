using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The passkey suite on both providers (the SQL Server one skips without AUTH_TEST_SQLSERVER).

public sealed class PasskeySqliteTests(SqliteAppFixture f) : PasskeySuite(f), IClassFixture<SqliteAppFixture>;

public sealed class PasskeySqlServerTests(SqlServerAppFixture f) : PasskeySuite(f), IClassFixture<SqlServerAppFixture>;
