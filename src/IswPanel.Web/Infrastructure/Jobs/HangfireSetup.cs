using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using IswPanel.Data;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;

namespace IswPanel.Web.Infrastructure.Jobs;

/// <summary>Hangfire's storage follows the database provider; tests use in-memory storage.</summary>
public static class HangfireSetup
{
    public static IServiceCollection AddIswPanelHangfire(this IServiceCollection services, IConfiguration configuration,
        DatabaseProvider provider, string connectionString, DataPaths paths)
    {
        var options = configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        services.AddHangfire((serviceProvider, config) =>
        {
            config.UseLogProvider(new HostSafeLogProvider(serviceProvider.GetRequiredService<ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();

            if (string.Equals(options.Storage, "InMemory", StringComparison.OrdinalIgnoreCase))
            {
                config.UseInMemoryStorage();
                return;
            }

            switch (provider)
            {
                case DatabaseProvider.Sqlite:
                    // Its own file beside the application database, so job polling never locks app data.
                    config.UseSQLiteStorage(Path.Combine(paths.Root, "iswpanel-jobs.db"), new SQLiteStorageOptions());
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connectionString);
                    break;
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString));
                    break;
            }
        });

        if (options.RunServer)
            services.AddHangfireServer(server => server.WorkerCount = Math.Max(1, options.WorkerCount));

        return services;
    }

    public static IEndpointRouteBuilder MapIswPanelHangfireDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Policies.PanelAdmin, "/hangfire", new DashboardOptions
        {
            DashboardTitle = "IswPanel scheduled jobs",
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
        });
        return endpoints;
    }
}
