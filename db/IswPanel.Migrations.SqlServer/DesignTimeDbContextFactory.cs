using IswPanel.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace IswPanel.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for SqlServer without starting the web app; it never connects.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Build(DatabaseProvider.SqlServer, "Server=localhost;Database=IswPanel;Trusted_Connection=True;TrustServerCertificate=True"));
}
