using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace IswPanel.Web.Infrastructure.Audit;

/// <summary>
/// Refusals go to the audit trail: every 403 (written by <see cref="Auth.TwoFactorSetupRedirect"/> when
/// authorization forbids, and here when an action forbids), and every 404 on a route that names a record
/// (a tenant resource: another authority's request, another ISW's offer). Written with
/// <see cref="IAuditLog.WriteAsync"/> because a refused request's unit of work is never saved.
/// </summary>
public static class AuditRefusals
{
    public static Task WriteAsync(HttpContext context, string action)
    {
        var audit = context.RequestServices.GetRequiredService<IAuditLog>();
        var (type, id) = RecordOf(context);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
        return audit.WriteAsync(action, type, id, $"{context.Request.Method} /{route?.TrimStart('/')}",
            cancellationToken: context.RequestAborted);
    }

    /// <summary>The first record id in the route (a GUID route value) and what the route is about.</summary>
    public static (string? Type, string? Id) RecordOf(HttpContext context)
    {
        foreach (var (_, value) in context.Request.RouteValues)
        {
            if (value is Guid guid) return (Area(context), guid.ToString());
            if (value is string text && Guid.TryParse(text, out var parsed)) return (Area(context), parsed.ToString());
        }

        return (null, null);
    }

    private static string? Area(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("controller", out var controller) ? controller?.ToString() : "Route";
}

/// <summary>Audits 404s on routes that name a record, and 403s an action decides, for pages and the API alike.</summary>
public sealed class AuditRefusalsFilter : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.Result is ForbidResult)
            await AuditRefusals.WriteAsync(http, AuditActions.AccessForbidden);
        else if (context.Result is IStatusCodeActionResult { StatusCode: StatusCodes.Status404NotFound }
                 && AuditRefusals.RecordOf(http).Id is not null)
            await AuditRefusals.WriteAsync(http, AuditActions.AccessNotFound);

        await next();
    }
}
