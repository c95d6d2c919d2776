using IswPanel.Web.Features.Admin;
using IswPanel.Web.Features.Panel;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.MyProfile;

/// <summary>An ISW's own profile: what the panel knows about them, and the forms to change it.</summary>
[Route("my-profile"), Authorize(Policy = Policies.Isw)]
public sealed class MyProfileController(IMediator mediator, Domain.Security.ICurrentUser me) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (me.IswProfileId is null) return Redirect("/apply");
        return ViewOrNotFound(await mediator.Send(new MyProfileSummary.Query()));
    }

    [HttpGet("practice")]
    public async Task<IActionResult> Practice()
    {
        var form = await mediator.Send(new EditPractice.Load());
        return form.IsSuccess ? View(await PracticeForm(form.Value!)) : NotFound();
    }

    [HttpPost("practice")]
    public async Task<IActionResult> Practice([Bind(Prefix = "Form")] EditPractice.Command command)
    {
        // An applicant has no profile yet: 404, as the form's GET, before the answers are validated.
        if (me.IswProfileId is null) return NotFound();
        var form = await PracticeForm(command);
        return await Submit(command, _ => Saved("Your practice details are saved."), () => View(form), prefix: "Form");
    }

    [HttpGet("registration")]
    public async Task<IActionResult> Registration()
    {
        var form = await mediator.Send(new ChangeRegistration.Load());
        return form.IsSuccess ? View(form.Value) : NotFound();
    }

    [HttpPost("registration")]
    public async Task<IActionResult> Registration(ChangeRegistration.Command command) =>
        me.IswProfileId is null
            ? NotFound()
            : await Submit(command, suspended => Saved(suspended
                ? "Your registration details are saved. You are paused from new offers until an administrator verifies them."
                : "Your registration details are saved. An administrator will verify them."), () => View(command));

    [HttpPost("availability")]
    public async Task<IActionResult> AddUnavailability([Bind(Prefix = "NewPeriod")] EditAvailability.Add command)
    {
        var summary = await mediator.Send(new MyProfileSummary.Query());
        if (!summary.IsSuccess) return NotFound();
        return await Submit(command, _ => Saved("The period is added."),
            () => View(nameof(Index), summary.Value! with { NewPeriod = command }), prefix: "NewPeriod");
    }

    [HttpPost("availability/remove")]
    public async Task<IActionResult> RemoveUnavailability(DateOnly from)
    {
        var result = await mediator.Send(new EditAvailability.Remove(from));
        return result.IsSuccess ? Saved("The period is removed.") : NotFound();
    }

    private async Task<PracticePage> PracticeForm(EditPractice.Command command) =>
        new(command, await mediator.Send(new ListAssessmentTypes.Query()));

    private RedirectResult Saved(string message)
    {
        Notify(message);
        return Redirect("/my-profile");
    }
}

public sealed record PracticePage(EditPractice.Command Form, IReadOnlyList<ListAssessmentTypes.Item> AssessmentTypes);
