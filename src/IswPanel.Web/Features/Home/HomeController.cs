using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Home;

/// <summary>The front door: visitors see what IswPanel is; signed-in users go to their role's home page.</summary>
public sealed class HomeController(ICurrentUser me) : AppController
{
    [HttpGet("/"), AllowAnonymous]
    public IActionResult Index() => RoleHome(me) is { } home ? Redirect(home) : View();

    /// <summary>Each role lands on its own home page.</summary>
    public static string? RoleHome(ICurrentUser user) =>
        !user.IsAuthenticated ? null
        : user.IsInRole(Roles.PanelAdmin) ? "/admin"
        : user.IsInRole(Roles.QaReviewer) ? "/qa"
        : user.IsInRole(Roles.Commissioner) ? "/requests"
        : user.IsInRole(Roles.Isw) ? "/my-work"
        : user.IsInRole(Roles.Shadower) ? "/shadowing/mine"
        : null;

    [HttpGet("/about/{page:regex(^(privacy|accessibility|cookies)$)}"), AllowAnonymous]
    public IActionResult About(string page) => View($"About{char.ToUpperInvariant(page[0])}{page[1..]}");

    [Route("/error/{status:int?}"), AllowAnonymous, IgnoreAntiforgeryToken]
    public IActionResult Error(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        // The same reference LogWithErrorReference logs with the exception; nothing of the exception is shown.
        ViewData["TraceId"] = ErrorReference.For(HttpContext);
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests",
                RateLimits.Describe(HttpContext.Items[RateLimits.RetryAfterItem] as TimeSpan? ?? TimeSpan.FromMinutes(1))),
            _ => View("Error"),
        };
    }
}
