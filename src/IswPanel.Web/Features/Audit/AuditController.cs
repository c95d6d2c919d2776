using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Audit;

/// <summary>The audit trail: searched and exported by panel administrators; a commissioner's view of who accessed their requests.</summary>
public sealed class AuditController(IMediator mediator) : AppController
{
    /// <summary>The forms' field-name prefix: the filter is the page model's Filter.</summary>
    public const string Prefix = "Filter";

    [HttpGet("admin/audit"), Authorize(Policy = Policies.PanelAdmin)]
    public async Task<IActionResult> Search([FromQuery, Bind(Prefix = Prefix)] SearchAudit.Query query)
    {
        if (!ModelState.IsValid) return View(new SearchAudit.Page(query, [], null, Searched: false));
        var result = await mediator.Send(query);
        if (result.IsSuccess) return View(result.Value);
        ModelState.AddErrors(result.Errors, Prefix);
        return View(new SearchAudit.Page(query, [], null, Searched: false));
    }

    /// <summary>The same search as CSV, streamed.</summary>
    [HttpGet("admin/audit/export"), Authorize(Policy = Policies.PanelAdmin)]
    public async Task<IActionResult> Export([FromQuery, Bind(Prefix = Prefix)] ExportAudit.Query query)
    {
        if (!ModelState.IsValid) return View(nameof(Search), new SearchAudit.Page(FilterOf(query), [], null, Searched: false));
        var result = await mediator.Send(query);
        if (!result.IsSuccess)
        {
            ModelState.AddErrors(result.Errors, Prefix);
            return View(nameof(Search), new SearchAudit.Page(FilterOf(query), [], null, Searched: false));
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{result.Value!.FileName}\"";
        Response.Headers.CacheControl = "no-store";
        await ExportAudit.WriteAsync(Response.Body, result.Value.Rows, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    private static SearchAudit.Query FilterOf(AuditFilter query) => new()
    {
        User = query.User, RecordType = query.RecordType, RecordId = query.RecordId, CaseReference = query.CaseReference,
        Action = query.Action, From = query.From, To = query.To,
    };

    [HttpGet("requests/access-history"), Authorize(Policy = Policies.Commissioner)]
    public Task<IActionResult> AccessHistory([FromQuery, Bind(Prefix = Prefix)] AccessHistory.Query query) => History(query, nameof(AccessHistory));

    [HttpGet("requests/{id:guid}/access-history"), Authorize(Policy = Policies.Commissioner)]
    public Task<IActionResult> RequestAccessHistory(Guid id, [FromQuery, Bind(Prefix = Prefix)] AccessHistory.Query query) =>
        History(query with { RequestId = id, CaseReference = null }, nameof(RequestAccessHistory));

    private async Task<IActionResult> History(AccessHistory.Query query, string view)
    {
        // A request's own history checks the request first: another authority's is 404 whatever the filter says.
        AccessHistory.RequestRef? request = null;
        if (query.RequestId is not null)
        {
            var own = await mediator.Send(query with { From = new(), To = new(), After = null, CaseReference = null });
            if (!own.IsSuccess) return NotFound();
            request = own.Value!.Request;
        }

        if (!ModelState.IsValid) return View(view, new AccessHistory.Page(query, request, [], null));
        var result = await mediator.Send(query);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsSuccess) return View(view, result.Value);
        ModelState.AddErrors(result.Errors, Prefix);
        return View(view, new AccessHistory.Page(query, request, [], null));
    }
}

/// <summary>Links that keep the page's query string and change one value.</summary>
public static class QueryLinks
{
    public static string With(HttpRequest request, string path, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = request.Query.Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .ToList();
        if (value is not null) pairs.Add($"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}");
        return pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}";
    }
}
