using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Startup;

/// <summary>
/// At start: apply pending migrations (unless a DBA applies scripts), add reference data that is
/// missing (roles, the assessment-type catalogue, the QA rubric), and in Development only, the demo data.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (options.Provider == Data.DatabaseProvider.Sqlite)
        {
            // Write-ahead logging: readers never wait for the writer, and concurrent requests fail less often.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (options.ApplyMigrationsOnStart)
        {
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            LogPendingMigrations(logger);
            return;
        }

        await EnsureRolesAsync(services.GetRequiredService<RoleManager<AppRole>>());
        await EnsureAssessmentTypesAsync(db);
        await EnsureRubricAsync(db);

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("DemoData:Enabled", true))
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }

    private static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new AppRole(role));
    }

    private static async Task EnsureAssessmentTypesAsync(AppDbContext db)
    {
        var existing = await db.AssessmentTypes.Select(t => t.Code).ToListAsync();
        var missing = AssessmentTypeCatalogue.Defaults().Where(t => !existing.Contains(t.Code)).ToList();
        if (missing.Count == 0) return;
        db.AssessmentTypes.AddRange(missing);
        await db.SaveChangesAsync();
    }

    /// <summary>The QA rubric of DOMAIN.md, when there is none yet (administrators edit it afterwards).</summary>
    private static async Task EnsureRubricAsync(AppDbContext db)
    {
        if (await db.RubricCriteria.AnyAsync()) return;
        db.RubricCriteria.AddRange(RubricCriterion.Defaults.Select((c, i) => RubricCriterion.Create(c.Name, c.Description, (i + 1) * 10)));
        await db.SaveChangesAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database has migrations that are not applied and Database:ApplyMigrationsOnStart is false. Apply db/scripts first; /health/ready reports unhealthy until then.")]
    private static partial void LogPendingMigrations(ILogger logger);
}
