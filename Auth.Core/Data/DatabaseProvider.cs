namespace Auth.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
