using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// User management by operators on both providers (the SQL Server ones skip without AUTH_TEST_SQLSERVER).

public sealed class UserCreateSqliteTests(SqliteAppFixture f) : Users.UserCreateSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class UserCreateSqlServerTests(SqlServerAppFixture f) : Users.UserCreateSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class UserEditSqliteTests(SqliteAppFixture f) : Users.UserEditSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class UserEditSqlServerTests(SqlServerAppFixture f) : Users.UserEditSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class UserFilterSqliteTests(SqliteAppFixture f) : Users.UserFilterSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class UserFilterSqlServerTests(SqlServerAppFixture f) : Users.UserFilterSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OperatorCreatedAccountsSqliteTests(SqliteAppFixture f) : Users.OperatorCreatedAccountsSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OperatorCreatedAccountsSqlServerTests(SqlServerAppFixture f) : Users.OperatorCreatedAccountsSuite(f), IClassFixture<SqlServerAppFixture>;
