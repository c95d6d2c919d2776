using IswPanel.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace IswPanel.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for Sqlite without starting the web app; it never connects.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Build(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
