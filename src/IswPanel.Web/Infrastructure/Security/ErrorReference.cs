using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace IswPanel.Web.Infrastructure.Security;

/// <summary>
/// The reference a person quotes to support when something fails: the error page and API problem+json show
/// it (as "traceId"), and the log line for the exception carries the same value. Exception text and stack
/// traces go only to the log, never to the response (outside Development).
/// </summary>
public static class ErrorReference
{
    private const string Item = "iswpanel:error-reference";

    public static string For(HttpContext context)
    {
        if (context.Items[Item] is string reference) return reference;
        reference = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Items[Item] = reference;
        return reference;
    }

    /// <summary>The API's answer to an unhandled exception: a bare 500 problem with the reference, nothing more.</summary>
    public static Task WriteApiProblemAsync(HttpContext context) =>
        Microsoft.AspNetCore.Http.Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Sorry, there is a problem with the service",
                detail: "Try again later. If you contact support, quote the traceId.",
                extensions: new Dictionary<string, object?> { ["traceId"] = For(context) })
            .ExecuteAsync(context);

    /// <summary>Puts the reference on every problem+json answer as traceId.</summary>
    public static void AddToProblem(ProblemDetailsContext problem) =>
        problem.ProblemDetails.Extensions["traceId"] = For(problem.HttpContext);
}

/// <summary>Logs an unhandled exception with its reference, then lets the exception handler show the generic page.</summary>
public sealed partial class LogWithErrorReference(ILogger<LogWithErrorReference> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The handler has already pointed the request at /error; the path feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        Log(logger, exception, httpContext.Request.Method, path, ErrorReference.For(httpContext));
        return ValueTask.FromResult(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}; error reference {ErrorReference}")]
    private static partial void Log(ILogger logger, Exception exception, string method, string path, string errorReference);
}
