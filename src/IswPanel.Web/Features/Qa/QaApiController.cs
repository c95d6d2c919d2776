using IswPanel.Data;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Qa;

[Route("api/v1")]
public sealed class QaApiController(IMediator mediator, AppDbContext db) : ApiController
{
    /// <summary>A review. <c>scores</c> maps each active rubric criterion (its name, or its id) to 1–4.</summary>
    public sealed record ReviewBody(string? Decision, Dictionary<string, int>? Scores, string? Comments);

    /// <summary>Versions waiting for review: at-risk requests first, then by the date QA must finish.</summary>
    [HttpGet("qa/queue"), Authorize(Policy = Policies.QaReviewer)]
    [ProducesResponseType<Paged<QaQueue.Item>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Paged<QaQueue.Item>>> Queue(int? page, int? pageSize) =>
        Ok(await mediator.Send(new QaQueue.Query { Page = page, PageSize = pageSize }));

    [HttpPost("report-versions/{id:guid}/review"), Authorize(Policy = Policies.QaReviewer)]
    [EndpointSummary("Approves or returns a report version after scoring the rubric; not for the report's author.")]
    [EndpointDescription("decision is approve or return; comments (what must change) is required to return. scores maps every active " +
        "rubric criterion, by name or id, to 1-4. 403 for the report's author, 409 once the version is decided (or the reviewer has already approved it).")]
    [ProducesResponseType<ReviewVersion.Outcome>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<ReviewVersion.Outcome>> Review(Guid id, ReviewBody body)
    {
        QaDecision? decision = body.Decision?.Trim().ToLowerInvariant() switch
        {
            "approve" => QaDecision.Approve,
            "return" => QaDecision.Return,
            _ => null,
        };
        if (body.Decision is not null && decision is null)
        {
            ModelState.AddModelError("decision", "The decision must be approve or return.");
            return ValidationProblem(ModelState);
        }

        var criteria = await db.RubricCriteria.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Id, c.Name }).ToListAsync(HttpContext.RequestAborted);
        var scores = new List<ReviewVersion.ScoreInput>();
        foreach (var (key, score) in body.Scores ?? [])
        {
            var criterion = criteria.FirstOrDefault(c => string.Equals(c.Name, key.Trim(), StringComparison.OrdinalIgnoreCase) || c.Id.ToString() == key.Trim());
            if (criterion is null)
            {
                ModelState.AddModelError($"scores.{key}", $"“{key}” is not a criterion of the rubric.");
                continue;
            }

            scores.Add(new ReviewVersion.ScoreInput { CriterionId = criterion.Id, Score = score });
        }

        if (!ModelState.IsValid) return ValidationProblem(ModelState);
        return OkOrProblem(await mediator.Send(new ReviewVersion.Command { VersionId = id, Decision = decision, Scores = scores, Comments = body.Comments },
            HttpContext.RequestAborted));
    }
}
