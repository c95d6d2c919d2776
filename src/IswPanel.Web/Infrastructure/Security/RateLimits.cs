using System.Globalization;
using System.Threading.RateLimiting;
using IswPanel.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace IswPanel.Web.Infrastructure.Security;

/// <summary>
/// Per-IP-address limits on the endpoints people guess passwords or create accounts against, with ASP.NET
/// Core's rate limiter. Identity's lockout (five failures) already limits guesses per account; these limit
/// guesses per client across accounts. Pages answer 429 with the "Too many attempts" page (the status-code
/// page re-runs as /error/429); the API answers problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string ApiToken = "api-token";
    public const string Apply = "apply";

    /// <summary>HttpContext.Items key: how long until the client may try again, for the 429 page.</summary>
    public const string RetryAfterItem = "iswpanel:retry-after";

    public static IServiceCollection AddIswPanelRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, context => PerClient(context, SignIn, limits.SignIn));
            options.AddPolicy(ApiToken, context => PerClient(context, ApiToken, limits.ApiToken));
            options.AddPolicy(Apply, context => PerClient(context, Apply, limits.Apply));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, string policy, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
            ? wait
            : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = retryAfter;

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"Too many attempts from this address. Try again in {seconds} seconds.",
                },
            });
        }

        // Pages: an empty 429 re-runs as /error/429, the "Too many attempts" page.
    }

    /// <summary>"5 minutes", "1 minute": rounded up, never "0 minutes".</summary>
    public static string Describe(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
