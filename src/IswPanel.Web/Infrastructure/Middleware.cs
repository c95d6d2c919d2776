using System.Globalization;
using Hangfire;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace IswPanel.Web.Infrastructure;

public static class Middleware
{
    public static WebApplication UseIswPanel(this WebApplication app)
    {
        // First, so every response (static files, errors, 429s) gets the headers, set as it starts.
        app.UseSecurityHeaders();

        var british = new CultureInfo("en-GB");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(british),
            SupportedCultures = [british],
            SupportedUICultures = [british],
        });

        if (!app.Environment.IsDevelopment())
        {
            // No exception text leaves the server: pages show the generic error page, the API problem+json;
            // both carry the reference that LogWithErrorReference writes to the log.
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorReference.WriteApiProblemAsync }));
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/error"));
            app.UseHsts();
        }

        // The API answers with problem+json for every error status; pages re-run as the friendly error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/hangfire"),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

        app.UseStaticFiles(SecurityHeaders.StaticFileOptions());
        app.UseCookiePolicy(Cookies.Policy());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ApiSessions>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapIswPanelHangfireDashboard();
        app.MapControllers();

        // B3's baseline (docs/performance.md): a constant behind the same pipeline and sign-in, mapped only for a benchmark.
        if (app.Configuration.GetValue<bool>("Benchmarks:ConstantEndpoint"))
            app.MapGet("/benchmarks/constant", () => "ok").RequireAuthorization(Auth.Policies.SignedIn);

        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
        return app;
    }
}
