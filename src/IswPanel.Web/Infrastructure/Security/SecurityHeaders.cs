using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace IswPanel.Web.Infrastructure.Security;

/// <summary>
/// Headers every response carries: pages, API, static files and error pages alike. They are set when the
/// response starts, so they survive the exception handler and status-code pages clearing the response.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No inline script or style anywhere; the GOV.UK layout loads one module script and one stylesheet.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Hangfire dashboard (administrators only, not our markup) writes inline scripts and style attributes,
    /// so it alone allows them. It still may not be framed, post elsewhere or load anything from another origin.
    /// </summary>
    public const string HangfireContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    private const string StaticFileMarker = "iswpanel:static-file";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>Static files may be cached (they hold no one's data); everything else is never stored.</summary>
    public static StaticFileOptions StaticFileOptions() => new()
    {
        OnPrepareResponse = file => file.Context.Items[StaticFileMarker] = true,
    };

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire")
            ? HangfireContentSecurityPolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.Remove(HeaderNames.Server);
        headers.Remove(HeaderNames.XPoweredBy);

        // Pages (signed in or carrying a form's antiforgery token), API answers, document downloads and the
        // calendar feed: a shared or browser cache must never keep a copy.
        if (!context.Items.ContainsKey(StaticFileMarker))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            headers.Remove(HeaderNames.Expires);
        }
    }
}
