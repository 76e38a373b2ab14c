using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

public sealed class ResponseHygieneSqliteTests(SqliteAppFixture f) : ResponseHygieneSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class ResponseHygieneSqlServerTests(SqlServerAppFixture f) : ResponseHygieneSuite(f), IClassFixture<SqlServerAppFixture>;
