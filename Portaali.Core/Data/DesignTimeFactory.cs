using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portaali.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<PortaaliDbContext>
{
    public PortaaliDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortaaliDbContext>().UseSqlite("Data Source=design.db").Options);
}
