using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Work;

/// <summary>The API's side of the work: an ISW uploads a report version; the authority downloads the released report.</summary>
public sealed class WorkApiController(IMediator mediator) : ApiController
{
    public sealed record VersionCreated(Guid VersionId, int Number);

    /// <summary>Uploads the next version of the report (multipart field <c>file</c>, PDF or DOCX up to 20 MB) and sends it to QA.</summary>
    [HttpPost("/api/v1/assignments/{id:guid}/report-versions"), Authorize(Policy = Policies.Isw), Idempotent]
    [RequestSizeLimit(UploadPolicy.ReportRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.ReportRequestLimit)]
    [Consumes("multipart/form-data")]
    [EndpointSummary("Uploads the next version of the report for the caller's assignment and sends it to QA.")]
    [EndpointDescription(
        "Multipart field `file`: a PDF or DOCX up to 20 MB, its type decided by its content (a DOCX is a ZIP holding " +
        "word/document.xml). Optional field `noteToReviewer`. The version is numbered after the last one and the request " +
        "moves to InQa. 409 while a version is already in QA or once the assessment is no longer in progress; 400 with " +
        "errors.file for a missing, empty, too large or wrong kind of file; 404 for anyone but the assigned ISW. Send an " +
        "Idempotency-Key header to make retries safe.")]
    [ProducesResponseType<VersionCreated>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<VersionCreated>> SubmitVersion(Guid id, IFormFile? file, [FromForm] string? noteToReviewer)
    {
        var result = await mediator.Send(new SubmitReportVersion.Command { AssignmentId = id, File = file, NoteToReviewer = noteToReviewer },
            HttpContext.RequestAborted);
        if (!result.IsSuccess) return ToProblem(WithBodyNames(result));
        return StatusCode(StatusCodes.Status201Created, new VersionCreated(result.Value!.VersionId, result.Value.Number));
    }

    /// <summary>The released report as a file; 404 until QA has approved and released it. Every download is audited.</summary>
    [HttpGet("/api/v1/assessment-requests/{id:guid}/report"), Authorize(Policy = Policies.AnyRole)]
    [EndpointSummary("Downloads the released report (the authority's commissioners, panel administrators); 404 until QA has released it.")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Report(Guid id)
    {
        var result = await mediator.Send(new DownloadReport.Released(id), HttpContext.RequestAborted);
        if (!result.IsSuccess) return ToProblem(result);
        var download = result.Value!;
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        return File(download.Content, download.ContentType, download.FileName);
    }

    /// <summary>Errors under the multipart field names ("File" → "file", "NoteToReviewer" → "noteToReviewer").</summary>
    private static Result<T> WithBodyNames<T>(Result<T> result) =>
        (Result<T>)
new Failure(result.Status, result.Errors.ToDictionary(e => e.Key.Length == 0 ? e.Key : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value));
}
