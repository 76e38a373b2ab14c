using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// The same suites against a live SQL Server when AUTH_TEST_SQLSERVER is set; each test says it was
// skipped, and why, when it is not.

public sealed class EmailAuthSqlServerTests(SqlServerAppFixture f) : EmailAuthSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class PhoneAuthSqlServerTests(SqlServerAppFixture f) : PhoneAuthSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class SessionSqlServerTests(SqlServerAppFixture f) : SessionSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class GrantSqlServerTests(SqlServerAppFixture f) : GrantSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class BadInputSqlServerTests(SqlServerAppFixture f) : BadInputSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class AdminApiSqlServerTests(SqlServerAppFixture f) : AdminApiSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OAuthProviderSqlServerTests(SqlServerAppFixture f) : OAuth.OAuthProviderSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OAuthFailureSqlServerTests(SqlServerAppFixture f) : OAuth.OAuthFailureSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class BrowserClientApiSqlServerTests(SqlServerAppFixture f) : OAuth.BrowserClientApiSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class EmailLinkSqlServerTests(SqlServerAppFixture f) : Messaging.EmailLinkSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class PhoneCodeSqlServerTests(SqlServerAppFixture f) : Messaging.PhoneCodeSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class SmsProviderSqlServerTests(SqlServerAppFixture f) : Messaging.SmsProviderSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class OutboxSqlServerTests(SqlServerAppFixture f) : Messaging.OutboxSuite(f), IClassFixture<SqlServerAppFixture>;

public sealed class TemplateSqlServerTests(SqlServerAppFixture f) : Messaging.TemplateSuite(f), IClassFixture<SqlServerAppFixture>;
