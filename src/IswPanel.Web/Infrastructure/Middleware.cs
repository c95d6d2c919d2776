using System.Globalization;
using Hangfire;
using IswPanel.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace IswPanel.Web.Infrastructure;

public static class Middleware
{
    public static WebApplication UseIswPanel(this WebApplication app)
    {
        var british = new CultureInfo("en-GB");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(british),
            SupportedCultures = [british],
            SupportedUICultures = [british],
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        // The API answers with problem+json for every error status; pages re-run as the friendly error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/hangfire"),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapIswPanelHangfireDashboard();
        app.MapControllers();

        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
        return app;
    }
}
