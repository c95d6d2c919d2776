using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Data.Idempotency;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Api;

/// <summary>
/// For API POSTs that create: with an Idempotency-Key header, the same key and body return the first response
/// again instead of creating twice. A key is claimed before the action runs, so two identical requests racing
/// cannot both create; a key reused with a different body is refused (422).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute, IFilterFactory
{
    public const string Header = "Idempotency-Key";

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => ActivatorUtilities.CreateInstance<IdempotencyFilter>(serviceProvider);
}

public sealed class IdempotencyFilter(DbContextOptions<AppDbContext> options, ICurrentUser me, IClock clock, IOptions<JsonOptions> mvcJson)
    : IAsyncActionFilter
{
    private const int InProgress = 0;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var key = context.HttpContext.Request.Headers[IdempotentAttribute.Header].ToString();
        if (string.IsNullOrWhiteSpace(key) || me.UserId is not { } userId)
        {
            await next();
            return;
        }

        if (key.Length > 200)
        {
            context.Result = Problem(StatusCodes.Status400BadRequest, "The Idempotency-Key must be 200 characters or fewer.");
            return;
        }

        var endpoint = $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
        var hash = Hash(endpoint, context.ActionArguments, mvcJson.Value.JsonSerializerOptions);
        await using var db = new AppDbContext(options);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            UserId = userId, Key = key, Endpoint = endpoint, RequestHash = hash, StatusCode = InProgress, CreatedAt = clock.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var first = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key);
            context.Result = first switch
            {
                null => Problem(StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress; try again."),
                _ when first.Endpoint != endpoint || first.RequestHash != hash =>
                    Problem(StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for a different request."),
                { StatusCode: InProgress } => Problem(StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress; try again."),
                _ => Replay(first),
            };
            return;
        }

        var executed = await next();
        var record = await db.IdempotencyRecords.SingleAsync(r => r.UserId == userId && r.Key == key);
        if (executed.Exception is null && executed.Result is ObjectResult { StatusCode: >= 200 and < 300 } created)
        {
            record.StatusCode = created.StatusCode ?? StatusCodes.Status200OK;
            record.ResponseBody = JsonSerializer.Serialize(created.Value, created.DeclaredType ?? created.Value?.GetType() ?? typeof(object), mvcJson.Value.JsonSerializerOptions);
            record.Location = (created as CreatedResult)?.Location;
            await db.SaveChangesAsync();
        }
        else
        {
            // Failed: release the key so the client can correct the request and send it again.
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync();
        }
    }

    private static ReplayResult Replay(IdempotencyRecord first) => new(first);

    private static ObjectResult Problem(int status, string detail) =>
        new(new ProblemDetails { Status = status, Title = ReasonPhrases(status), Detail = detail }) { StatusCode = status, ContentTypes = { "application/problem+json" } };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string Hash(string endpoint, IDictionary<string, object?> arguments, JsonSerializerOptions json)
    {
        var text = endpoint + "\n" + string.Join("\n", arguments.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => $"{a.Key}={JsonSerializer.Serialize(a.Value, a.Value?.GetType() ?? typeof(object), json)}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The first response again: same status, body and Location.</summary>
    private sealed class ReplayResult : ContentResult
    {
        private readonly string? location;

        public ReplayResult(IdempotencyRecord first)
        {
            StatusCode = first.StatusCode;
            Content = first.ResponseBody;
            ContentType = "application/json; charset=utf-8";
            location = first.Location;
        }

        public override Task ExecuteResultAsync(ActionContext context)
        {
            if (location is not null) context.HttpContext.Response.Headers.Location = location;
            context.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return base.ExecuteResultAsync(context);
        }
    }
}
