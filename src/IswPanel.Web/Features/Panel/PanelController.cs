using IswPanel.Domain.Panel;
using IswPanel.Web.Features.Admin;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Panel;

/// <summary>Panel administrators: the panel list, the vetting page and its decisions.</summary>
[Route("admin/panel"), Authorize(Policy = Policies.PanelAdmin)]
public sealed class PanelController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ListPanelMembers.Query query)
    {
        var result = await mediator.Send(query);
        if (!result.IsSuccess) ModelState.AddErrors(result.Errors);
        return View(new PanelListPage(query, result.Value ?? new([], 1, Infrastructure.Paging.Paging.DefaultPageSize, 0),
            await mediator.Send(new ListAssessmentTypes.Query())));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Member(Guid id) => ViewOrNotFound(await mediator.Send(new MemberDetails.Query(id)));

    [HttpPost("{id:guid}/verify/{kind}")]
    public Task<IActionResult> Verify(Guid id, ComplianceDocumentKind kind) => Act(id, new VerifyEvidence.Command(id, kind));

    [HttpPost("{id:guid}/checks")]
    public Task<IActionResult> RecordCheck(Guid id, RecordVettingCheck.Command command) => Act(id, command with { MemberId = id });

    [HttpPost("{id:guid}/approve")]
    public Task<IActionResult> Approve(Guid id) =>
        Act(id, new DecideApplication.Command { MemberId = id, Decision = DecideApplication.Decision.Approve });

    /// <summary>The applicant is the recorded shadower whose name matches: non-solicitation applies to them from now on.</summary>
    [HttpPost("{id:guid}/shadower-links/{shadowerId:guid}/confirm")]
    public Task<IActionResult> ConfirmShadowerLink(Guid id, Guid shadowerId) => Act(id, new ConfirmShadowerLink.Command(id, shadowerId));

    [HttpGet("{id:guid}/decide/{decision}")]
    public async Task<IActionResult> Decide(Guid id, DecideApplication.Decision decision) =>
        await ReasonForm(id, new ReasonPage(id, ReasonPage.For(decision), null));

    [HttpPost("{id:guid}/decide/{decision}")]
    public Task<IActionResult> Decide(Guid id, DecideApplication.Decision decision, string? reason) =>
        Submit(new DecideApplication.Command { MemberId = id, Decision = decision, Reason = reason },
            message => Done(id, message), () => View("Reason", new ReasonPage(id, ReasonPage.For(decision), reason)));

    [HttpGet("{id:guid}/membership/{change}")]
    public async Task<IActionResult> ChangeMembership(Guid id, ChangeMembership.Change change) =>
        await ReasonForm(id, new ReasonPage(id, ReasonPage.For(change), null));

    [HttpPost("{id:guid}/membership/{change}")]
    public Task<IActionResult> ChangeMembership(Guid id, ChangeMembership.Change change, string? reason) =>
        Submit(new ChangeMembership.Command { MemberId = id, Change = change, Reason = reason },
            message => Done(id, message), () => View("Reason", new ReasonPage(id, ReasonPage.For(change), reason)));

    [HttpGet("{id:guid}/direct-hire")]
    public async Task<IActionResult> DirectHire(Guid id)
    {
        var member = await mediator.Send(new MemberDetails.Query(id));
        return member.IsSuccess ? View(await DirectHireForm(new RecordDirectHire.Command { MemberId = id }, member.Value!.Name)) : NotFound();
    }

    [HttpPost("{id:guid}/direct-hire")]
    public async Task<IActionResult> DirectHire(Guid id, [Bind(Prefix = "Form")] RecordDirectHire.Command command)
    {
        var member = await mediator.Send(new MemberDetails.Query(id));
        if (!member.IsSuccess) return NotFound();
        var form = await DirectHireForm(command with { MemberId = id }, member.Value!.Name);
        return await Submit(form.Form, _ => Done(id, "Direct-hire request recorded."), () => View(form), prefix: "Form");
    }

    [HttpGet("{id:guid}/waiver/{authorityId:guid}")]
    public async Task<IActionResult> Waiver(Guid id, Guid authorityId, [FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge)
    {
        var page = await WaiverForm(new RecordWaiver.Command { MemberId = id, AuthorityId = authorityId });
        if (page is null) return NotFound();
        if (fileTooLarge) ModelState.AddModelError("Form.Letter", UploadPolicy.Evidence.TooLargeMessage);
        return View(page);
    }

    [HttpPost("{id:guid}/waiver/{authorityId:guid}")]
    [RequestSizeLimit(UploadPolicy.EvidenceRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.EvidenceRequestLimit)]
    [UploadTooLarge(UploadPolicy.EvidenceRequestLimit)]
    public async Task<IActionResult> Waiver(Guid id, Guid authorityId, [Bind(Prefix = "Form")] RecordWaiver.Command command)
    {
        var page = await WaiverForm(command with { MemberId = id, AuthorityId = authorityId });
        if (page is null) return NotFound();
        return await Submit(page.Form, _ => Done(id, $"Waiver from {page.Authority} recorded."), () => View(page), prefix: "Form");
    }

    private async Task<WaiverPage?> WaiverForm(RecordWaiver.Command command)
    {
        var member = await mediator.Send(new MemberDetails.Query(command.MemberId));
        var conflict = member.Value?.Conflicts.FirstOrDefault(c => c.AuthorityId == command.AuthorityId);
        return conflict is null ? null : new WaiverPage(command, member.Value!.Name, conflict.Authority, conflict.Reason, conflict.WaiversAllowed);
    }

    private async Task<IActionResult> ReasonForm(Guid id, ReasonPage page)
    {
        var member = await mediator.Send(new MemberDetails.Query(id));
        return member.IsSuccess ? View("Reason", page with { MemberName = member.Value!.Name }) : NotFound();
    }

    private async Task<DirectHirePage> DirectHireForm(RecordDirectHire.Command command, string name) =>
        new(command, name, await mediator.Send(new ListAuthorities.Query()));

    /// <summary>A button on the vetting page: back to it with a banner, or with the reasons it was refused.</summary>
    private async Task<IActionResult> Act(Guid id, ICommand<Result<string>> command)
    {
        var result = await mediator.Send(command);
        if (result.IsSuccess) return Done(id, result.Value!);
        var page = await mediator.Send(new MemberDetails.Query(id));
        return Failed(result, () => page.IsSuccess ? View(nameof(Member), page.Value) : NotFound());
    }

    private RedirectResult Done(Guid id, string message)
    {
        Notify(message);
        return Redirect($"/admin/panel/{id}");
    }
}

public sealed record PanelListPage(ListPanelMembers.Query Query, Infrastructure.Paging.Paged<ListPanelMembers.Item> Members,
    IReadOnlyList<ListAssessmentTypes.Item> AssessmentTypes);

public sealed record WaiverPage(RecordWaiver.Command Form, string MemberName, string Authority, string Conflict, bool WaiversAllowed);

public sealed record DirectHirePage(RecordDirectHire.Command Form, string MemberName, IReadOnlyList<ListAuthorities.Item> Authorities);

/// <summary>The one-question page that asks an administrator why (reject, request information, suspend, reinstate, remove).</summary>
public sealed record ReasonPage(Guid MemberId, ReasonPage.Kind What, string? Reason, string MemberName = "")
{
    public sealed record Kind(string Path, string Title, string Label, string Hint, string Button, bool Warning);

    public static Kind For(DecideApplication.Decision decision) => decision switch
    {
        DecideApplication.Decision.Reject => new($"decide/{decision}", "Reject the application", "Why is the application rejected?",
            "The applicant sees this reason.", "Reject application", true),
        _ => new($"decide/{decision}", "Ask for more information", "What does the applicant need to provide?",
            "The application goes back to the applicant, who sees this request and answers it.", "Send request", false),
    };

    public static Kind For(ChangeMembership.Change change) => change switch
    {
        Panel.ChangeMembership.Change.Suspend => new($"membership/{change}", "Suspend from matching", "Why is the member suspended?",
            "Kept in the member's history. A suspended member receives no offers.", "Suspend", true),
        Panel.ChangeMembership.Change.Reinstate => new($"membership/{change}", "Reinstate", "Why is the member reinstated?",
            "Kept in the member's history. Refused while any vetting check fails.", "Reinstate", false),
        _ => new($"membership/{change}", "Remove from the panel", "Why is the member removed?",
            "Kept in the member's history. Removal is final.", "Remove from panel", true),
    };
}
