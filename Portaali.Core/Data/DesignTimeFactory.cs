using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portaali.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<PortaaliDbContext>
{
    public PortaaliDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>The same for PostgreSQL: <c>dotnet ef migrations add X --context PostgreSqlPortaaliDbContext</c> (docs/postgresql.md).
/// Adding a migration never connects; <c>dotnet ef database update</c> would use this local database.</summary>
public class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortaaliDbContext>
{
    public PostgreSqlPortaaliDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlPortaaliDbContext>();
        PostgreSqlPortaaliDbContext.Configure(options, "Host=127.0.0.1;Database=portaali_design;Username=postgres");
        return new(options.Options);
    }
}
