namespace Portaali.Core.Data;

/// <summary>The database under Portaali (<c>Database:Provider</c> in appsettings): SQLite, the embedded default that needs no
/// server, or PostgreSQL for a multi-college deployment with several app instances (docs/postgresql.md).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
