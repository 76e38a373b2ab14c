using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// mfa.required and amr on both providers (the SQL Server one skips without AUTH_TEST_SQLSERVER).

public sealed class MfaRequiredSqliteTests(SqliteAppFixture f) : MfaRequiredSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class MfaRequiredSqlServerTests(SqlServerAppFixture f) : MfaRequiredSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class MfaKeyRingSqliteTests(SqliteAppFixture f) : MfaKeyRingSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class MfaKeyRingSqlServerTests(SqlServerAppFixture f) : MfaKeyRingSuite(f), IClassFixture<SqlServerAppFixture>;
