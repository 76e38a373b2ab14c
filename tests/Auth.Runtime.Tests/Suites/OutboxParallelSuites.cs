using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Issue 9 item 4: parallel outbox dispatch, on both providers (SQL Server skips without AUTH_TEST_SQLSERVER).

public sealed class OutboxParallelSqliteTests(SqliteAppFixture f) : Messaging.OutboxParallelSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OutboxParallelSqlServerTests(SqlServerAppFixture f) : Messaging.OutboxParallelSuite(f), IClassFixture<SqlServerAppFixture>;
