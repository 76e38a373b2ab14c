using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

// Every suite against a real SQLite file, created and migrated by the app itself.

public sealed class EmailAuthSqliteTests(SqliteAppFixture f) : EmailAuthSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class PhoneAuthSqliteTests(SqliteAppFixture f) : PhoneAuthSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class SessionSqliteTests(SqliteAppFixture f) : SessionSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class GrantSqliteTests(SqliteAppFixture f) : GrantSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class BadInputSqliteTests(SqliteAppFixture f) : BadInputSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class AdminApiSqliteTests(SqliteAppFixture f) : AdminApiSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OAuthProviderSqliteTests(SqliteAppFixture f) : OAuth.OAuthProviderSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OAuthFailureSqliteTests(SqliteAppFixture f) : OAuth.OAuthFailureSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class BrowserClientApiSqliteTests(SqliteAppFixture f) : OAuth.BrowserClientApiSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class EmailLinkSqliteTests(SqliteAppFixture f) : Messaging.EmailLinkSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class PhoneCodeSqliteTests(SqliteAppFixture f) : Messaging.PhoneCodeSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class SmsProviderSqliteTests(SqliteAppFixture f) : Messaging.SmsProviderSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class OutboxSqliteTests(SqliteAppFixture f) : Messaging.OutboxSuite(f), IClassFixture<SqliteAppFixture>;

public sealed class TemplateSqliteTests(SqliteAppFixture f) : Messaging.TemplateSuite(f), IClassFixture<SqliteAppFixture>;
