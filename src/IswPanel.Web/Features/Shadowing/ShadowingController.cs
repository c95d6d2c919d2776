using System.Globalization;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Work;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// Shadowing, for the three people in it: the commissioner nominates a junior practitioner on an assigned request
/// and follows the authority's shadowing (/requests/{id}/shadowing/..., /shadowing); the ISW decides, records the
/// family's consent, marks the sessions attended and comments on reflections (/my-shadowing); the shadower sees only
/// their nominations and the sessions they attended, and writes reflections (/shadowing/mine). Each reads only their
/// own records: anyone else's is the 404 page.
/// </summary>
public sealed class ShadowingController(IMediator mediator) : AppController
{
    private const string FormPrefix = "Form";
    private const string DeclinePrefix = "Decline";
    private const string ConsentPrefix = "Consent";

    // The commissioner.

    [HttpGet("/requests/{requestId:guid}/shadowing/nominate"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Nominate(Guid requestId) =>
        ViewOrNotFound(await mediator.Send(new NominateShadower.Load(requestId), HttpContext.RequestAborted));

    [HttpPost("/requests/{requestId:guid}/shadowing/nominate"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Nominate(Guid requestId, [Bind(Prefix = FormPrefix)] NominateShadower.Command command)
    {
        var page = await mediator.Send(new NominateShadower.Load(requestId), HttpContext.RequestAborted);
        if (!page.IsSuccess) return NotFound();
        var posted = command with { RequestId = requestId };
        return await Submit(posted, nominated =>
        {
            Notify(nominated.Invited
                ? $"We have invited {nominated.Shadower.FullName} to IswPanel and asked {nominated.Isw.Name} to accept the nomination."
                : $"We have asked {nominated.Isw.Name} to accept {nominated.Shadower.FullName}'s nomination.");
            return Redirect($"/requests/{requestId}");
        }, () => View(page.Value! with { Form = posted }), prefix: FormPrefix);
    }

    /// <summary>The authority's practitioners, their nominations, sessions and hours.</summary>
    [HttpGet("/shadowing"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Index() => ViewOrNotFound(await mediator.Send(new AuthorityShadowing.Query(), HttpContext.RequestAborted));

    [HttpPost("/shadowing/nominations/{nominationId:guid}/withdraw"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Withdraw(Guid nominationId)
    {
        var result = await mediator.Send(new WithdrawNomination.Command(nominationId), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            Notify($"You have withdrawn {result.Value!.ShadowerName}'s nomination. We have told the social worker.");
            return Redirect("/shadowing");
        }

        if (result.Status == ResultStatus.NotFound) return NotFound();
        ModelState.AddErrors(result.Errors);
        var page = await mediator.Send(new AuthorityShadowing.Query(), HttpContext.RequestAborted);
        return page.IsSuccess ? View(nameof(Index), page.Value) : NotFound();
    }

    // The ISW.

    [HttpGet("/my-shadowing"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> MyNominations() =>
        ViewOrNotFound(await mediator.Send(new IswNominations.Query(), HttpContext.RequestAborted));

    [HttpGet("/my-shadowing/{nominationId:guid}"), Authorize(Policy = Policies.Isw)]
    public Task<IActionResult> Nomination(Guid nominationId) => ShowNominationAsync(nominationId);

    [HttpPost("/my-shadowing/{nominationId:guid}/accept"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> Accept(Guid nominationId)
    {
        var result = await mediator.Send(new DecideNomination.Accept(nominationId), HttpContext.RequestAborted);
        if (!result.IsSuccess) return await FailedOnNominationAsync(nominationId, result);
        Notify($"You have accepted {result.Value!.ShadowerName}'s nomination. Record the family's consent before they attend a session.");
        return Redirect($"/my-shadowing/{nominationId}");
    }

    [HttpPost("/my-shadowing/{nominationId:guid}/decline"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> Decline(Guid nominationId, [Bind(Prefix = DeclinePrefix)] DecideNomination.Decline command)
    {
        var posted = command with { NominationId = nominationId };
        var result = await mediator.Send(posted, HttpContext.RequestAborted);
        if (!result.IsSuccess) return await FailedOnNominationAsync(nominationId, result, DeclinePrefix, decline: posted);
        Notify($"You have declined {result.Value!.ShadowerName}'s nomination. We have told the authority.");
        return Redirect("/my-shadowing");
    }

    [HttpPost("/my-shadowing/{nominationId:guid}/consent"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> Consent(Guid nominationId, [Bind(Prefix = ConsentPrefix)] RecordConsent.Command command)
    {
        var posted = command with { NominationId = nominationId };
        var result = ModelState.IsValid
            ? await mediator.Send(posted, HttpContext.RequestAborted)
            : new Failure(ResultStatus.Invalid, new Dictionary<string, string[]>());
        if (!result.IsSuccess) return await FailedOnNominationAsync(nominationId, result, ConsentPrefix, consent: posted);
        Notify(result.Value!.Consent == FamilyConsent.Given
            ? $"You have recorded the family's consent. You can now mark the sessions {result.Value.ShadowerName} attends."
            : "You have recorded that the family refused consent. No session can be attended or reflected on.");
        return Redirect($"/my-shadowing/{nominationId}");
    }

    [HttpPost("/my-shadowing/{nominationId:guid}/sessions"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> MarkSession(Guid nominationId, SessionAttendance.Mark command)
    {
        var result = await mediator.Send(command with { NominationId = nominationId }, HttpContext.RequestAborted);
        if (!result.IsSuccess) return await FailedOnNominationAsync(nominationId, PageLevel(result));
        Notify($"{result.Value!.ShadowerName} is marked as attending the {result.Value.Kind.DisplayName().ToLowerInvariant()} on {ShadowingRecords.Day(result.Value.Date)}.");
        return Redirect($"/my-shadowing/{nominationId}#sessions");
    }

    [HttpPost("/my-shadowing/{nominationId:guid}/sessions/{sessionId:guid}/remove"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> RemoveSession(Guid nominationId, Guid sessionId)
    {
        var result = await mediator.Send(new SessionAttendance.Remove(nominationId, sessionId), HttpContext.RequestAborted);
        if (!result.IsSuccess) return await FailedOnNominationAsync(nominationId, result);
        Notify($"{result.Value!.ShadowerName} is no longer marked as attending the {result.Value.Kind.DisplayName().ToLowerInvariant()} on {ShadowingRecords.Day(result.Value.Date)}.");
        return Redirect($"/my-shadowing/{nominationId}#sessions");
    }

    [HttpPost("/my-shadowing/{nominationId:guid}/sessions/{sessionId:guid}/comment"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> Comment(Guid nominationId, Guid sessionId, CommentOnReflection.Command command)
    {
        var posted = command with { NominationId = nominationId, SessionId = sessionId };
        var result = await mediator.Send(posted, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            Notify("Your comment has been saved. We have told the practitioner.");
            return Redirect($"/my-shadowing/{nominationId}#reflections");
        }

        if (result.Status == ResultStatus.NotFound) return NotFound();
        // Every reflection has a comment box: the errors belong to this one.
        var field = NominationView.CommentField(sessionId);
        foreach (var message in result.Errors.Values.SelectMany(m => m)) ModelState.AddModelError(field, message);
        return await ShowNominationAsync(nominationId, comment: new NominationView.PostedComment(sessionId, command.IswComment));
    }

    // The shadower.

    [HttpGet("/shadowing/mine"), Authorize(Policy = Policies.Shadower)]
    public async Task<IActionResult> Mine() => ViewOrNotFound(await mediator.Send(new MyShadowing.Query(), HttpContext.RequestAborted));

    [HttpGet("/shadowing/mine/{nominationId:guid}/reflections"), Authorize(Policy = Policies.Shadower)]
    public async Task<IActionResult> Reflect(Guid nominationId, Guid? session) =>
        ViewOrNotFound(await mediator.Send(new WriteReflection.Load(nominationId, session), HttpContext.RequestAborted));

    [HttpPost("/shadowing/mine/{nominationId:guid}/reflections"), Authorize(Policy = Policies.Shadower)]
    public async Task<IActionResult> Reflect(Guid nominationId, [Bind(Prefix = FormPrefix)] WriteReflection.Command command)
    {
        var page = await mediator.Send(new WriteReflection.Load(nominationId), HttpContext.RequestAborted);
        if (!page.IsSuccess) return NotFound();
        var posted = command with { NominationId = nominationId };
        return await Submit(posted, written =>
        {
            Notify($"Your reflection on the session on {ShadowingRecords.Day(written.Date)} has been saved. {written.IswName} can read it and may add a comment.");
            return Redirect("/shadowing/mine");
        }, () => View(page.Value! with { Form = posted }), prefix: FormPrefix);
    }

    /// <summary>The ISW's nomination page, with any form that came back with errors.</summary>
    private async Task<IActionResult> ShowNominationAsync(Guid nominationId, DecideNomination.Decline? decline = null,
        RecordConsent.Command? consent = null, NominationView.PostedComment? comment = null)
    {
        var page = await mediator.Send(new IswNomination.Query(nominationId), HttpContext.RequestAborted);
        if (!page.IsSuccess) return NotFound();
        var n = page.Value!;
        consent ??= new RecordConsent.Command
        {
            NominationId = nominationId,
            Given = n.Consent switch { FamilyConsent.Given => true, FamilyConsent.Refused => false, _ => null },
            ConsentDate = DateInput.From(n.ConsentDate),
        };
        return View("Nomination", new NominationView(n, decline ?? new DecideNomination.Decline { NominationId = nominationId }, consent, comment));
    }

    private async Task<IActionResult> FailedOnNominationAsync<T>(Guid nominationId, Result<T> result, string prefix = "",
        DecideNomination.Decline? decline = null, RecordConsent.Command? consent = null)
    {
        if (result.Status == ResultStatus.NotFound) return NotFound();
        ModelState.AddErrors(result.Errors, prefix);
        return await ShowNominationAsync(nominationId, decline, consent);
    }

    /// <summary>Errors of a form that is only a button: shown in the error summary, not against a field.</summary>
    private static Result<T> PageLevel<T>(Result<T> result) =>
        result.IsSuccess ? result : new Failure(result.Status, new Dictionary<string, string[]> { [""] = [.. result.Errors.Values.SelectMany(m => m)] });
}

/// <summary>The ISW's nomination page: the nomination, and its forms (empty, or posted back with errors).</summary>
public sealed record NominationView(IswNomination.Page Nomination, DecideNomination.Decline Decline, RecordConsent.Command Consent,
    NominationView.PostedComment? Comment)
{
    public sealed record PostedComment(Guid SessionId, string? Text);

    /// <summary>The id (and error key) of a reflection's comment box.</summary>
    public static string CommentField(Guid sessionId) => string.Create(CultureInfo.InvariantCulture, $"Comment_{sessionId:N}");
}
