using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IswPanel.Web.Infrastructure.Files;

/// <summary>
/// For upload actions: a request whose declared size is over the action's request limit cannot be read (so
/// neither its antiforgery token nor its answers can be), and would otherwise end in an error page. Instead the
/// person is sent back to the form, which shows the size message for the file field: the request changes nothing.
/// Put it beside [RequestSizeLimit] and [RequestFormLimits] with the same limit; smaller oversized files reach
/// the upload check and get the message with every other answer kept.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class UploadTooLargeAttribute(long requestLimit) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The query string the form's GET reads to show the size message.</summary>
    public const string QueryKey = "file-too-large";

    public long RequestLimit { get; } = requestLimit;

    /// <summary>After the framework's request-size filters (900), before antiforgery validation (1000), which would read the body.</summary>
    public int Order => 950;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength is not { } length || length <= RequestLimit) return;

        // The body is not read; the connection is not reused for another request.
        context.HttpContext.Response.Headers.Connection = "close";
        context.HttpContext.Response.Headers.Location = $"{request.PathBase}{request.Path}?{QueryKey}=true";
        context.Result = new StatusCodeResult(StatusCodes.Status303SeeOther);
    }
}
