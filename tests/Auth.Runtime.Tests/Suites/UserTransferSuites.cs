using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Moving users in and out (ADR 0020) on both providers (the SQL Server ones skip without AUTH_TEST_SQLSERVER).

public sealed class UserTransferSqliteTests(SqliteAppFixture f) : Users.UserTransferSuite(f), IClassFixture<SqliteAppFixture>
{
    protected override AppFixture FreshFixture() => new SqliteAppFixture();
}

public sealed class UserTransferSqlServerTests(SqlServerAppFixture f) : Users.UserTransferSuite(f), IClassFixture<SqlServerAppFixture>
{
    protected override AppFixture FreshFixture() => new SqlServerAppFixture();
}
