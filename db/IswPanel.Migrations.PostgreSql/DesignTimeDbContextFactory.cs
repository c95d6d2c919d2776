using IswPanel.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace IswPanel.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the model for PostgreSql without starting the web app; it never connects.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Build(DatabaseProvider.PostgreSql, "Host=localhost;Database=iswpanel;Username=iswpanel"));
}
