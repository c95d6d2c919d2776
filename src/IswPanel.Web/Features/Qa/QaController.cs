using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Qa;

[Route("qa")]
public sealed class QaController(IMediator mediator) : AppController
{
    private const string FormPrefix = "Form";

    /// <summary>The queue; panel administrators may look at it too (only QA reviewers review).</summary>
    [HttpGet(""), Authorize(Policy = Policies.PanelStaff)]
    public async Task<IActionResult> Index(int? page) => View(await mediator.Send(new QaQueue.Query { Page = page }));

    [HttpGet("versions/{id:guid}"), Authorize(Policy = Policies.QaReviewer)]
    public async Task<IActionResult> Review(Guid id) => ViewOrNotFound(await mediator.Send(new ReviewVersion.PageQuery(id)));

    [HttpPost("versions/{id:guid}"), Authorize(Policy = Policies.QaReviewer)]
    public async Task<IActionResult> Review(Guid id, [Bind(Prefix = FormPrefix)] ReviewVersion.Command command)
    {
        command = command with { VersionId = id };
        var result = ModelState.IsValid ? await mediator.Send(command, HttpContext.RequestAborted) : default;
        if (ModelState.IsValid && result.IsSuccess)
        {
            var outcome = result.Value!;
            Notify(outcome.Decision == "returned" ? "The report has been returned to the social worker with your comments."
                : outcome.Released ? "The report has been approved and released to the authority."
                : $"Your approval is recorded ({outcome.Approvals} of {outcome.ApprovalsNeeded}). Another reviewer must approve it before release.");
            return Redirect("/qa");
        }

        if (ModelState.IsValid && result.Status == ResultStatus.NotFound) return NotFound();
        var page = await mediator.Send(new ReviewVersion.PageQuery(id));
        if (!page.IsSuccess) return NotFound();
        if (ModelState.IsValid)
        {
            ModelState.AddErrors(result.Errors, result.Status == ResultStatus.Invalid ? FormPrefix : "");
            if (result.Status == ResultStatus.Forbidden) Response.StatusCode = StatusCodes.Status403Forbidden;
            if (result.Status == ResultStatus.Conflict) Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return View(page.Value! with { Form = command });
    }

    /// <summary>The version's file, for review; audited.</summary>
    [HttpGet("versions/{id:guid}/file"), Authorize(Policy = Policies.QaReviewer)]
    public async Task<IActionResult> Download(Guid id)
    {
        var result = await mediator.Send(new DownloadReportVersion.Query(id), HttpContext.RequestAborted);
        if (!result.IsSuccess) return NotFound();
        var download = result.Value!;
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return File(download.Content, download.ContentType, download.FileName);
    }
}
