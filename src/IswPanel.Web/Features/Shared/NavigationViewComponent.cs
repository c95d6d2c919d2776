using IswPanel.Domain.Security;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Shared;

/// <summary>The service navigation: one set of links per role, the current section marked.</summary>
public sealed class NavigationViewComponent(ICurrentUser user) : ViewComponent
{
    public sealed record Link(string Text, string Href);

    public IViewComponentResult Invoke()
    {
        IReadOnlyList<Link> links = !user.IsAuthenticated ? [] :
            user.IsInRole(Roles.PanelAdmin) ?
            [
                new("Home", "/admin"), new("Dashboard", "/admin/dashboard"), new("Requests", "/requests"), new("Panel", "/admin/panel"), new("Authorities", "/admin/authorities"),
                new("Users", "/admin/users"), new("Assessment types", "/admin/assessment-types"), new("Bank holidays", "/admin/bank-holidays"),
                new("Scheduled jobs", "/hangfire"), new("Email problems", "/admin/email"), new("Invoices", "/invoices"), new("QA rubric", "/admin/rubric"),
            ] :
            user.IsInRole(Roles.QaReviewer) && user.IswProfileId is not null ? [new("QA queue", "/qa"), new("My work", "/my-work"), new("Offers", "/offers")] :
            user.IsInRole(Roles.QaReviewer) ? [new("QA queue", "/qa")] :
            user.IsInRole(Roles.Commissioner) ?
            [
                new("Requests", "/requests"), new("Dashboard", "/dashboard"),
                .. user.AuthorityId is { } authority ? [new Link("Evidence pack", $"/authorities/{authority}/evidence")] : Array.Empty<Link>(),
                new("Shadowing", "/shadowing"), new("Invoices", "/invoices"),
            ] :
            user.IsInRole(Roles.Isw) && user.IswProfileId is null ? [new("My application", "/apply")] :
            user.IsInRole(Roles.Isw) ? [new("My work", "/my-work"), new("Dashboard", "/my-dashboard"), new("Offers", "/offers"), new("Shadowing", "/my-shadowing"), new("My evidence", "/my-evidence"), new("My profile", "/my-profile")] :
            user.IsInRole(Roles.Shadower) ? [new("My shadowing", "/shadowing/mine")] : [];

        var path = HttpContext.Request.Path.Value ?? "/";
        var current = links.Where(l => path.StartsWith(l.Href, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(l => l.Href.Length).FirstOrDefault();
        return View((links, current));
    }
}
