using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IswPanel.Web.Tests.Features.Audit;

/// <summary>
/// The DBA's permission scripts make the audit trail append-only for the application's login: proved on a real
/// PostgreSQL server; the SQL Server script (no server here) is checked for its DENY.
/// </summary>
public sealed class AuditPermissionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Script(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "db", "scripts", file));

    [Fact]
    public async Task On_postgresql_the_apps_login_may_append_audit_rows_but_not_update_or_delete_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using (var db = new AppDbContext(DbContextOptionsFactory.Build(DatabaseProvider.PostgreSql, database.ConnectionString)))
            await db.Database.MigrateAsync(Ct);

        var login = $"iswpanel_test_{Guid.NewGuid():N}"[..30];
        var password = Guid.NewGuid().ToString("N");
        await using (var owner = new NpgsqlConnection(database.ConnectionString))
        {
            await owner.OpenAsync(Ct);
            // Twice: the script is idempotent.
            foreach (var _ in new[] { 1, 2 })
            {
                await using var permissions = new NpgsqlCommand(Script("permissions.postgresql.sql"), owner);
                await permissions.ExecuteNonQueryAsync(Ct);
            }

            await using var create = new NpgsqlCommand($"CREATE ROLE \"{login}\" LOGIN PASSWORD '{password}' IN ROLE iswpanel_app", owner);
            await create.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            var asApp = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = login, Password = password, Pooling = false };
            await using var app = new NpgsqlConnection(asApp.ConnectionString);
            await app.OpenAsync(Ct);

            async Task<int> RunAsync(string sql)
            {
                await using var command = new NpgsqlCommand(sql, app);
                return await command.ExecuteNonQueryAsync(Ct);
            }

            Assert.Equal(1, await RunAsync("""INSERT INTO "AuditEvents" ("OccurredAt", "Action") VALUES (now(), 'test.appended')"""));
            await using (var count = new NpgsqlCommand("""SELECT count(*) FROM "AuditEvents" WHERE "Action" = 'test.appended'""", app))
                Assert.Equal(1L, await count.ExecuteScalarAsync(Ct));

            var update = await Assert.ThrowsAsync<PostgresException>(() => RunAsync("""UPDATE "AuditEvents" SET "Action" = 'test.forged'"""));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
            var delete = await Assert.ThrowsAsync<PostgresException>(() => RunAsync("""DELETE FROM "AuditEvents" """));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
            var truncate = await Assert.ThrowsAsync<PostgresException>(() => RunAsync("""TRUNCATE "AuditEvents" """));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);

            // Other tables stay writable.
            Assert.Equal(0, await RunAsync("""UPDATE "Authorities" SET "Name" = "Name" WHERE false"""));
            Assert.Equal(0, await RunAsync("""DELETE FROM "Notifications" WHERE false"""));
            await using (var rows = new NpgsqlCommand("""SELECT count(*) FROM "AuditEvents" WHERE "Action" = 'test.appended'""", app))
                Assert.Equal(1L, await rows.ExecuteScalarAsync(Ct));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var owner = new NpgsqlConnection(database.ConnectionString);
            await owner.OpenAsync(Ct);
            // The login owns nothing and holds no grants of its own (it inherits the application role's), so dropping
            // the role is enough; DROP OWNED would need membership, which a CREATEROLE (non-superuser) test user lacks.
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{login}\"", owner);
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }

    [Fact]
    public void The_sql_server_script_denies_update_and_delete_on_the_audit_trail_to_the_apps_role()
    {
        var script = Script("permissions.sqlserver.sql");
        var statements = script.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith("--", StringComparison.Ordinal)).ToList();

        Assert.Contains(statements, l => l.StartsWith("DENY UPDATE, DELETE ON OBJECT::dbo.AuditEvents TO iswpanel_app", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(statements, l => l.StartsWith("IF DATABASE_PRINCIPAL_ID(N'iswpanel_app') IS NULL", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(statements, l => l.StartsWith("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dbo TO iswpanel_app", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("PASSWORD = N'", string.Join('\n', statements), StringComparison.Ordinal);
    }
}
