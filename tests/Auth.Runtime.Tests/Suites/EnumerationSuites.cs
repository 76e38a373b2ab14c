using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// ADR 0007: pre-account hijacking and account enumeration, once per database provider.

public sealed class PreAccountHijackSqliteTests(SqliteAppFixture f) : Messaging.PreAccountHijackSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class EnumerationSqliteTests(SqliteAppFixture f) : Messaging.EnumerationSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class PreAccountHijackSqlServerTests(SqlServerAppFixture f) : Messaging.PreAccountHijackSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class EnumerationSqlServerTests(SqlServerAppFixture f) : Messaging.EnumerationSuite(f), IClassFixture<SqlServerAppFixture>;
