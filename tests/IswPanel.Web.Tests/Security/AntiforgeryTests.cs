using System.Net;
using System.Text.RegularExpressions;
using IswPanel.Testing;
using IswPanel.Web.Features.Home;
using IswPanel.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// Every page form that changes state needs an antiforgery token. This walks every MVC action that
/// accepts POST (an action added next year is covered without anyone remembering to) and posts to it,
/// signed in as someone allowed to call it, without a token: each must answer 400.
/// </summary>
public sealed partial class AntiforgeryTests(DemoApp demo)
{
    /// <summary>The error page re-runs failed requests of any method; it only renders a message.</summary>
    private static readonly HashSet<string> ExemptActions = [$"{nameof(HomeController)}.{nameof(HomeController.Error)}"];


    private static Dictionary<string, ControllerActionDescriptor> Actions(IActionDescriptorCollectionProvider provider) =>
        provider.ActionDescriptors.Items.OfType<ControllerActionDescriptor>()
            .Where(a => !a.EndpointMetadata.OfType<ApiControllerAttribute>().Any())
            .Where(a => a.ActionConstraints?.OfType<HttpMethodActionConstraint>().FirstOrDefault() is not { } methods
                        || methods.HttpMethods.Contains("POST"))
            .ToDictionary(a => $"{a.ControllerTypeInfo.Name}.{a.ActionName} {a.AttributeRouteInfo?.Template}");

    [Fact]
    public void There_are_page_actions_that_accept_post()
    {
        var actions = Actions(demo.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>());
        Assert.Contains(actions.Keys, k => k.StartsWith("AccountController.SignIn ", StringComparison.Ordinal));
        Assert.Contains(actions.Keys, k => k.StartsWith("AdminController.SaveAuthority ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_rejected()
    {
        var actions = Actions(demo.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>());
        var failures = new List<string>();
        var clients = new Dictionary<string, PageClient>();
        try
        {
            foreach (var (name, action) in actions)
            {
                if (ExemptActions.Contains($"{action.ControllerTypeInfo.Name}.{action.ActionName}")) continue;

                var user = CallerFor(action);
                if (!clients.TryGetValue(user ?? "", out var client))
                {
                    client = PageClient.For(demo.App);
                    if (user is not null) await client.SignInAsync(user, DemoUsers.Password);
                    clients[user ?? ""] = client;
                }

                var url = "/" + RouteParameter().Replace(action.AttributeRouteInfo!.Template!, Guid.NewGuid().ToString());
                var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["probe"] = "1" }));
                if (response.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"{name}: POST {url} as {user ?? "anonymous"} answered {(int)response.StatusCode}, not 400");
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }

        Assert.True(actions.Count > 5, "Too few actions found; the walk itself is broken.");
        Assert.Empty(failures);
    }

    /// <summary>A demo user who passes the action's authorization, so the antiforgery check is what answers.</summary>
    private static string? CallerFor(ControllerActionDescriptor action)
    {
        var metadata = action.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return null;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
        return policies.LastOrDefault() switch
        {
            Policies.Commissioner => DemoUsers.Northshire,
            Policies.Isw => DemoUsers.Isw(1),
            Policies.QaReviewer => DemoUsers.Qa,
            Policies.Shadower => DemoUsers.Shadower1,
            _ => DemoUsers.Admin,
        };
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
