using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Operator roles, the last Owner and operators' own passwords on both providers (the SQL Server ones skip without AUTH_TEST_SQLSERVER).

public sealed class OperatorRolesSqliteTests(SqliteAppFixture f) : OperatorRolesSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OperatorRolesSqlServerTests(SqlServerAppFixture f) : OperatorRolesSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OperatorAccountsSqliteTests(SqliteAppFixture f) : OperatorAccountsSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OperatorAccountsSqlServerTests(SqlServerAppFixture f) : OperatorAccountsSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OperatorStudioSqliteTests(SqliteAppFixture f) : OperatorStudioSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OperatorStudioSqlServerTests(SqlServerAppFixture f) : OperatorStudioSuite(f), IClassFixture<SqlServerAppFixture>;
