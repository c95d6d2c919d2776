using IswPanel.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps (MVC actions, API actions, health checks, OpenAPI, the Hangfire dashboard)
/// declares who may call it: a named policy, or [AllowAnonymous] on the allow-list below. Adding an
/// anonymous route means adding it here, on purpose.
/// </summary>
public sealed class EndpointDeclarationTests(DemoApp demo)
{
    /// <summary>The routes anyone may call, signed in or not. Keys are <see cref="AppEndpoints.Key"/>.</summary>
    public static readonly HashSet<string> AnonymousAllowList =
    [
        "GET /",
        "GET /about/{page:regex(^(privacy|accessibility|cookies)$)}",
        "* /error/{status:int?}",
        "GET /account/sign-in",
        "POST /account/sign-in",
        "GET /account/sign-in/second-factor",
        "POST /account/sign-in/second-factor",
        "GET /account/signed-out",
        "GET /account/accept-invitation",
        "GET /account/reset-password",
        "POST /account/set-password",
        "GET /account/forgot-password",
        "POST /account/forgot-password",
        "GET /account/access-denied",
        "GET /apply",
        "GET /apply/create-account",
        "POST /apply/create-account",
        "GET /apply/check-your-email",
        "POST /apply/check-your-email",
        "GET /apply/confirm-email",
        "GET /calendar/{userId:guid}/{secret}.ics",
        "POST /api/v1/auth/token",
        "* /health/live",
        "* /health/ready",
        "GET /openapi/{documentName}.json",
    ];

    [Fact]
    public void Every_endpoint_declares_a_named_policy_or_is_an_allowed_anonymous_route()
    {
        var endpoints = AppEndpoints.All(demo.App.Services);
        var policies = typeof(Policies).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        var undeclared = new List<string>();
        var unlisted = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.IsAnonymous)
            {
                if (!AnonymousAllowList.Contains(endpoint.Key)) unlisted.Add(endpoint.Key);
            }
            else if (endpoint.Policy is not { } policy || !policies.Contains(policy))
            {
                undeclared.Add($"{endpoint.Key} ({endpoint.Name}): {endpoint.Policy ?? "no named policy"}");
            }
        }

        Assert.True(endpoints.Count > 80, $"Only {endpoints.Count} endpoints found; the walk itself is broken.");
        Assert.Contains(endpoints, e => e.Key == "GET /hangfire/{**path}" || e.Key.StartsWith("* /hangfire", StringComparison.Ordinal));
        Assert.Empty(undeclared);
        Assert.Empty(unlisted);
    }

    [Fact]
    public void Every_route_on_the_anonymous_allow_list_still_exists()
    {
        var keys = AppEndpoints.All(demo.App.Services).Where(e => e.IsAnonymous).Select(e => e.Key).ToHashSet();

        Assert.DoesNotContain(AnonymousAllowList, k => !keys.Contains(k));
    }

    [Fact]
    public void Account_self_service_is_reachable_by_staff_without_a_second_factor()
    {
        var options = demo.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        var signedIn = options.GetPolicy(Policies.SignedIn)!;
        var twoFactorSetup = AppEndpoints.All(demo.App.Services).Single(e => e.Key == "GET /account/two-factor");

        Assert.Equal(Policies.SignedIn, twoFactorSetup.Policy);
        Assert.DoesNotContain(signedIn.Requirements, r => r is TwoFactorRequirement);
        Assert.Contains(options.GetPolicy(Policies.AnyRole)!.Requirements, r => r is TwoFactorRequirement);
    }
}

/// <summary>One mapped endpoint as the security tests see it.</summary>
public sealed record AppEndpoint(string Key, string Name, IReadOnlyList<string> Methods, string Template, string? Policy, bool IsAnonymous,
    RouteEndpoint Endpoint)
{
    public bool IsApi => Template.StartsWith("/api/", StringComparison.Ordinal);
}

public static class AppEndpoints
{
    /// <summary>Every route endpoint, one row per HTTP method ("*" when the endpoint takes any method).</summary>
    public static IReadOnlyList<AppEndpoint> All(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var rows = new List<AppEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            // The most specific declaration wins (an action's policy over its controller's).
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            foreach (var method in methods is { Count: > 0 } ? methods : ["*"])
            {
                rows.Add(new AppEndpoint($"{method} {template}", endpoint.DisplayName ?? template, methods ?? [], template, policy, anonymous, endpoint));
            }
        }

        return rows;
    }
}
