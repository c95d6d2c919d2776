using IswPanel.Domain.Panel;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IswPanel.Web.Features.MyEvidence;

/// <summary>
/// An ISW's (or applicant's) checks, evidence and referees. A user without a panel profile has not finished
/// applying, so every page sends them to the application.
/// </summary>
[Route("my-evidence"), Authorize(Policy = Policies.Isw)]
public sealed class MyEvidenceController(IMediator mediator) : AppController
{
    private const string FormPrefix = "Form";
    private const string FileField = FormPrefix + "." + nameof(RecordEvidence.Command.File);

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var overview = await mediator.Send(new MyEvidenceOverview.Query());
        return overview.IsSuccess ? View(new MyEvidencePage(overview.Value!, new AnswerInformationRequest.Command())) : NoProfile(overview);
    }

    [HttpPost("respond")]
    public async Task<IActionResult> Respond([Bind(Prefix = "Answer")] AnswerInformationRequest.Command command)
    {
        var overview = await mediator.Send(new MyEvidenceOverview.Query());
        if (!overview.IsSuccess) return NoProfile(overview);
        return await Submit(command, _ =>
        {
            Notify("Thank you. We have sent your response to the panel team, who will review your application again.");
            return RedirectToAction(nameof(Index));
        }, () => View(nameof(Index), new MyEvidencePage(overview.Value!, command)), prefix: "Answer");
    }

    [HttpGet("dbs")]
    public Task<IActionResult> Dbs([FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge) =>
        ShowEvidence(ComplianceDocumentKind.EnhancedDbs, nameof(Dbs), fileTooLarge);

    [HttpPost("dbs"), RequestSizeLimit(UploadPolicy.EvidenceRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.EvidenceRequestLimit),
     UploadTooLarge(UploadPolicy.EvidenceRequestLimit)]
    public Task<IActionResult> Dbs([Bind(Prefix = FormPrefix)] RecordEvidence.Command command) =>
        SaveEvidence(ComplianceDocumentKind.EnhancedDbs, command, nameof(Dbs));

    [HttpGet("insurance")]
    public Task<IActionResult> Insurance([FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge) =>
        ShowEvidence(ComplianceDocumentKind.IndemnityInsurance, nameof(Insurance), fileTooLarge);

    [HttpPost("insurance"), RequestSizeLimit(UploadPolicy.EvidenceRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.EvidenceRequestLimit),
     UploadTooLarge(UploadPolicy.EvidenceRequestLimit)]
    public Task<IActionResult> Insurance([Bind(Prefix = FormPrefix)] RecordEvidence.Command command) =>
        SaveEvidence(ComplianceDocumentKind.IndemnityInsurance, command, nameof(Insurance));

    [HttpGet("right-to-work")]
    public Task<IActionResult> RightToWork([FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge) =>
        ShowEvidence(ComplianceDocumentKind.RightToWork, nameof(RightToWork), fileTooLarge);

    [HttpPost("right-to-work"), RequestSizeLimit(UploadPolicy.EvidenceRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.EvidenceRequestLimit),
     UploadTooLarge(UploadPolicy.EvidenceRequestLimit)]
    public Task<IActionResult> RightToWork([Bind(Prefix = FormPrefix)] RecordEvidence.Command command) =>
        SaveEvidence(ComplianceDocumentKind.RightToWork, command, nameof(RightToWork));

    [HttpGet("qualification")]
    public Task<IActionResult> Qualification([FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge) =>
        ShowEvidence(ComplianceDocumentKind.Qualification, nameof(Qualification), fileTooLarge);

    [HttpPost("qualification"), RequestSizeLimit(UploadPolicy.EvidenceRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.EvidenceRequestLimit),
     UploadTooLarge(UploadPolicy.EvidenceRequestLimit)]
    public Task<IActionResult> Qualification([Bind(Prefix = FormPrefix)] RecordEvidence.Command command) =>
        SaveEvidence(ComplianceDocumentKind.Qualification, command, nameof(Qualification));

    [HttpGet("referees")]
    public async Task<IActionResult> Referees()
    {
        var page = await mediator.Send(new NameReferee.Load());
        return page.IsSuccess ? View(page.Value) : NoProfile(page);
    }

    [HttpPost("referees")]
    public async Task<IActionResult> Referees([Bind(Prefix = FormPrefix)] NameReferee.Command command)
    {
        var page = await mediator.Send(new NameReferee.Load());
        if (!page.IsSuccess) return NoProfile(page);
        return await Submit(command, name =>
        {
            Notify($"{name} has been added as a referee. The panel team will ask them for a reference.");
            return RedirectToAction(nameof(Referees));
        }, () => View(page.Value! with { Form = command }), prefix: FormPrefix);
    }

    /// <param name="fileTooLarge">Sent back here by <see cref="UploadTooLargeAttribute"/>: the request was too large to read.</param>
    private async Task<IActionResult> ShowEvidence(ComplianceDocumentKind kind, string view, bool fileTooLarge)
    {
        var page = await mediator.Send(new RecordEvidence.Load(kind));
        if (!page.IsSuccess) return NoProfile(page);
        if (fileTooLarge) ModelState.AddModelError(FileField, UploadPolicy.Evidence.TooLargeMessage);
        return View(view, page.Value);
    }

    private async Task<IActionResult> SaveEvidence(ComplianceDocumentKind kind, RecordEvidence.Command posted, string view)
    {
        var page = await mediator.Send(new RecordEvidence.Load(kind));
        if (!page.IsSuccess) return NoProfile(page);
        var command = posted with { Kind = kind };
        return await Submit(command, outcome =>
        {
            Notify(outcome.Suspended
                ? $"{kind.DisplayName()} saved. You are suspended from matching until the panel team verifies it."
                : $"{kind.DisplayName()} saved. The panel team will verify it.");
            return RedirectToAction(nameof(Index));
        }, () =>
        {
            // A file input cannot be filled in again by the server: if the file itself was fine but other answers
            // were not, the person must choose it again.
            if (command.File is { Length: > 0 } && ModelState.GetFieldValidationState(FileField) != ModelValidationState.Invalid)
                ModelState.AddModelError(FileField, "Select the file again");
            return View(view, page.Value! with { Form = command });
        }, prefix: FormPrefix);
    }

    /// <summary>No panel profile yet: the application is where they start.</summary>
    private IActionResult NoProfile(IUseCaseResult result) =>
        result.Status == ResultStatus.NotFound ? Redirect("/apply") : Failed(result, () => NotFound());
}

/// <summary>The evidence overview, with the form for answering a request for more information.</summary>
public sealed record MyEvidencePage(MyEvidenceOverview.Overview Overview, AnswerInformationRequest.Command Answer);
