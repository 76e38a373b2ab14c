using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Operator two-step sign-in (ADR 0021) on both providers (the SQL Server ones skip without AUTH_TEST_SQLSERVER).

public sealed class OperatorMfaTokenSqliteTests(SqliteAppFixture f) : OperatorMfaTokenSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OperatorMfaTokenSqlServerTests(SqlServerAppFixture f) : OperatorMfaTokenSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OperatorMfaStudioSqliteTests(SqliteAppFixture f) : OperatorMfaStudioSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OperatorMfaStudioSqlServerTests(SqlServerAppFixture f) : OperatorMfaStudioSuite(f), IClassFixture<SqlServerAppFixture>;
