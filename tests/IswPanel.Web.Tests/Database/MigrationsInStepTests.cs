using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IswPanel.Web.Tests.Database;

/// <summary>
/// One migrations assembly per provider, kept in step: none may lag behind the model, all have the same
/// migrations, and the committed SQL scripts for DBAs match what the migrations generate.
/// </summary>
public sealed class MigrationsInStepTests
{
    private static readonly Dictionary<DatabaseProvider, string> DesignConnections = new()
    {
        [DatabaseProvider.Sqlite] = "Data Source=:memory:",
        [DatabaseProvider.SqlServer] = "Server=localhost;Database=IswPanel;Trusted_Connection=True;TrustServerCertificate=True",
        [DatabaseProvider.PostgreSql] = "Host=localhost;Database=iswpanel;Username=iswpanel",
    };

    private static AppDbContext Context(DatabaseProvider provider) =>
        new(DbContextOptionsFactory.Build(provider, DesignConnections[provider]));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Migrations_cover_the_whole_model(DatabaseProvider provider)
    {
        using var db = Context(provider);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations lag behind the model. Run db/add-migration.sh <Name> to add one to every provider.");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations()
    {
        static string Name(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        var names = Enum.GetValues<DatabaseProvider>().ToDictionary(p => p, p =>
        {
            using var db = Context(p);
            return db.Database.GetMigrations().Select(Name).ToList();
        });

        Assert.NotEmpty(names[DatabaseProvider.Sqlite]);
        Assert.Equal(names[DatabaseProvider.Sqlite], names[DatabaseProvider.SqlServer]);
        Assert.Equal(names[DatabaseProvider.Sqlite], names[DatabaseProvider.PostgreSql]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "sqlite.sql", false)]
    [InlineData(DatabaseProvider.SqlServer, "sqlserver.sql", true)]
    [InlineData(DatabaseProvider.PostgreSql, "postgresql.sql", true)]
    public void Committed_scripts_match_the_migrations(DatabaseProvider provider, string file, bool idempotent)
    {
        using var db = Context(provider);
        var generated = db.GetService<IMigrator>().GenerateScript(options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "db", "scripts", file));

        static string Normalise(string sql) => string.Join('\n', sql.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();
        Assert.Contains("CREATE TABLE", generated, StringComparison.Ordinal);
        Assert.True(Normalise(generated) == Normalise(committed),
            $"db/scripts/{file} is out of date. Run db/generate-scripts.sh and commit the result.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrations_apply_to_a_real_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = new AppDbContext(DbContextOptionsFactory.Build(provider, database.ConnectionString));

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.AssessmentRequests.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Authorities.CountAsync(TestContext.Current.CancellationToken));
    }
}
