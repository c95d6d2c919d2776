using System.Globalization;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Documents;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// The work on an assignment: the ISW's case page, log and report versions (/work/{requestId}), and the authority's
/// side of it on the request (/requests/{id}/hours/..., /requests/{id}/report). The pages that only read take any
/// role and let the handler decide, so anyone but the assigned ISW (or the authority) gets 404, never 403.
/// </summary>
public sealed class WorkController(IMediator mediator) : AppController
{
    private const string FormPrefix = "Form";
    private const string UploadPrefix = "Upload";
    private const string FileField = UploadPrefix + "." + nameof(SubmitReportVersion.Command.File);

    /// <summary>The ISW's case page: the request, milestones, hours, log, report versions and the upload form.</summary>
    [HttpGet("/work/{requestId:guid}"), Authorize(Policy = Policies.AnyRole)]
    public Task<IActionResult> Case(Guid requestId) => ShowCase(requestId, new SubmitReportVersion.Command(), fileTooLarge: false);

    /// <param name="fileTooLarge">Sent back here by <see cref="UploadTooLargeAttribute"/>: the upload was too large to read.</param>
    [HttpGet("/work/{requestId:guid}/report-versions"), Authorize(Policy = Policies.AnyRole)]
    public Task<IActionResult> ReportVersions(Guid requestId, [FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge) =>
        ShowCase(requestId, new SubmitReportVersion.Command(), fileTooLarge);

    [HttpPost("/work/{requestId:guid}/report-versions"), Authorize(Policy = Policies.Isw)]
    [RequestSizeLimit(UploadPolicy.ReportRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.ReportRequestLimit)]
    [UploadTooLarge(UploadPolicy.ReportRequestLimit)]
    public async Task<IActionResult> ReportVersions(Guid requestId, [Bind(Prefix = UploadPrefix)] SubmitReportVersion.Command command)
    {
        var page = await mediator.Send(new CasePage.Query(requestId), HttpContext.RequestAborted);
        if (!page.IsSuccess) return NotFound();
        var posted = command with { RequestId = requestId, AssignmentId = null };
        return await Submit(posted, submitted =>
        {
            Notify($"Version {submitted.Number.ToString(CultureInfo.InvariantCulture)} of your report has been sent to QA.");
            return Redirect($"/work/{requestId}#report");
        }, () => CaseAgain(page.Value!, posted), prefix: UploadPrefix);
    }

    /// <summary>The ISW's own report versions, as downloads.</summary>
    [HttpGet("/work/{requestId:guid}/report-versions/{versionId:guid}/file"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> VersionFile(Guid requestId, Guid versionId) =>
        Download(await mediator.Send(new DownloadReport.OwnVersion(requestId, versionId), HttpContext.RequestAborted));

    /// <summary>The log: one form with defaults, and every entry with a running total.</summary>
    [HttpGet("/work/{requestId:guid}/log"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> Log(Guid requestId, string? date, WorkKind? kind)
    {
        DateOnly? keep = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return ViewOrNotFound(await mediator.Send(new LogWork.Load(requestId, keep, kind)));
    }

    [HttpPost("/work/{requestId:guid}/log"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> Log(Guid requestId, [Bind(Prefix = FormPrefix)] LogWork.Command command)
    {
        var page = await mediator.Send(new LogWork.Load(requestId), HttpContext.RequestAborted);
        if (!page.IsSuccess) return NotFound();
        var posted = command with { RequestId = requestId };
        return await Submit(posted, logged =>
        {
            var what = $"{logged.Kind.DisplayName()} on {logged.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {CaseWork.Duration(logged.TotalMinutes)}";
            Notify(logged.Approval == HoursApproval.AwaitingApproval
                ? $"{what} added to your log. It is beyond the budget, so it counts only when the commissioner approves it. We have asked them."
                : $"{what} added to your log.");
            return posted.Intent == LogWork.AddAnother
                ? Redirect($"/work/{requestId}/log?date={logged.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&kind={logged.Kind}")
                : Redirect($"/work/{requestId}#log");
        }, () => View(nameof(Log), page.Value! with { Form = posted }), prefix: FormPrefix);
    }

    /// <summary>The commissioner approves hours beyond the budget: they count from now on.</summary>
    [HttpPost("/requests/{requestId:guid}/hours/{entryId:guid}/approve"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> ApproveHours(Guid requestId, Guid entryId)
    {
        var result = await mediator.Send(new DecideHours.Approve(requestId, entryId), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            Notify($"You approved {result.Value!.Hours} for {result.Value.Isw}. We have told them.");
            return Redirect($"/requests/{requestId}#hours-awaiting-approval");
        }

        // Already decided (by another commissioner, say): the request page again, with the reason in the error summary.
        if (result.Status == ResultStatus.NotFound) return NotFound();
        ModelState.AddErrors(result.Errors);
        return await RequestPageWithErrorsAsync(requestId);
    }

    [HttpGet("/requests/{requestId:guid}/hours/{entryId:guid}/refuse"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> RefuseHours(Guid requestId, Guid entryId) =>
        ViewOrNotFound(await mediator.Send(new DecideHours.LoadRefusal(requestId, entryId), HttpContext.RequestAborted));

    [HttpPost("/requests/{requestId:guid}/hours/{entryId:guid}/refuse"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> RefuseHours(Guid requestId, Guid entryId, [Bind(Prefix = FormPrefix)] DecideHours.Refuse command)
    {
        var page = await mediator.Send(new DecideHours.LoadRefusal(requestId, entryId), HttpContext.RequestAborted);
        if (!page.IsSuccess) return NotFound();
        var posted = command with { RequestId = requestId, EntryId = entryId };
        return await Submit(posted, decided =>
        {
            Notify($"You refused {decided.Hours} for {decided.Isw}. We have told them why.");
            return Redirect($"/requests/{requestId}#hours-awaiting-approval");
        }, () => View(page.Value! with { Form = posted }), prefix: FormPrefix);
    }

    /// <summary>
    /// The released report for the authority: 404 until QA has approved and released it. Audited. Any role may ask;
    /// the handler answers 404 to all but the authority's commissioners and panel administrators (ADR 0010).
    /// </summary>
    [HttpGet("/requests/{requestId:guid}/report"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> Report(Guid requestId) =>
        Download(await mediator.Send(new DownloadReport.Released(requestId), HttpContext.RequestAborted));

    private async Task<IActionResult> RequestPageWithErrorsAsync(Guid requestId)
    {
        var page = await mediator.Send(new Requests.RequestDetails.PageQuery(requestId), HttpContext.RequestAborted);
        return page.IsSuccess ? View("/Features/Requests/Details.cshtml", page.Value) : NotFound();
    }

    private IActionResult Download(Result<DownloadDocument.Download> result)
    {
        if (!result.IsSuccess) return NotFound();
        var download = result.Value!;
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return File(download.Content, download.ContentType, download.FileName);
    }

    private async Task<IActionResult> ShowCase(Guid requestId, SubmitReportVersion.Command upload, bool fileTooLarge)
    {
        var page = await mediator.Send(new CasePage.Query(requestId), HttpContext.RequestAborted);
        if (!page.IsSuccess) return NotFound();
        if (fileTooLarge) ModelState.AddModelError(FileField, UploadPolicy.Report.TooLargeMessage);
        return View("Case", new CaseView(page.Value!, upload));
    }

    /// <summary>The case page again with the upload's errors; a browser cannot be given a file back, so it asks for it again.</summary>
    private ViewResult CaseAgain(CasePage.Page page, SubmitReportVersion.Command posted)
    {
        if (posted.File is { Length: > 0 } && ModelState.GetFieldValidationState(FileField) != ModelValidationState.Invalid
            && (ModelState.GetFieldValidationState(UploadPrefix + "." + nameof(SubmitReportVersion.Command.NoteToReviewer)) == ModelValidationState.Invalid
                || ModelState.GetFieldValidationState(UploadPrefix + "." + nameof(SubmitReportVersion.Command.LateReason)) == ModelValidationState.Invalid))
            ModelState.AddModelError(FileField, "Select the report again: a file cannot be kept when the form has errors");
        return View("Case", new CaseView(page, posted));
    }
}

/// <summary>The case page with the upload form (empty, or posted back with errors).</summary>
public sealed record CaseView(CasePage.Page Case, SubmitReportVersion.Command Upload);
