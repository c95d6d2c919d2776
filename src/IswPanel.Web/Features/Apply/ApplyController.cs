using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Filters;
using Stage = IswPanel.Web.Features.Apply.ApplicationProgress.Stage;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// The public "Apply to join the panel" journey. The start page and account creation are open to anyone; the
/// question pages need a signed-in Isw user whose email is confirmed and who has not submitted yet (the
/// applicant is shown the confirm-your-email page first, and sent to their evidence page once submitted).
/// </summary>
[Route("apply"), Authorize(Policy = Policies.Isw)]
public sealed class ApplyController(IMediator mediator) : AppController
{
    public const string EvidencePath = "/my-evidence";

    /// <summary>Runs before every question page: the gate described on the class.</summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var metadata = context.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAllowAnonymous>().Any() && !metadata.OfType<AnyApplicantStageAttribute>().Any()
            && Gate(await mediator.Send(new ApplicationProgress.StageQuery(), HttpContext.RequestAborted)) is { } stop)
        {
            context.Result = stop;
            return;
        }

        await next();
    }

    private IActionResult? Gate(ApplicationProgress.StageResult stage) => stage.Stage switch
    {
        Stage.Submitted => Redirect(EvidencePath),
        Stage.EmailNotConfirmed => View("ConfirmYourEmail", stage.Email),
        Stage.NotAnApplicant => NotFound(),
        _ => null,
    };

    // ---- Start, account and email ------------------------------------------------------------------

    /// <summary>Visitors see who can apply; an applicant signed in sees their task list.</summary>
    [HttpGet(""), AllowAnonymous]
    public async Task<IActionResult> Index()
    {
        if (!User.IsInRole(Roles.Isw)) return View("Start");
        return Gate(await mediator.Send(new ApplicationProgress.StageQuery()))
            ?? View("TaskList", await mediator.Send(new ApplicationProgress.Query()));
    }

    [HttpGet("create-account"), AllowAnonymous]
    public IActionResult NewAccount() => User.IsInRole(Roles.Isw) ? Redirect(ApplicationSection.StartPath) : View("CreateAccount", new CreateAccount.Command());

    [HttpPost("create-account"), AllowAnonymous, EnableRateLimiting(RateLimits.Apply)]
    public Task<IActionResult> NewAccount(CreateAccount.Command command) =>
        Submit(command, reference => RedirectToAction(nameof(CheckEmail), new { reference }),
            () => View("CreateAccount", command with { Password = null, ConfirmPassword = null }));

    [HttpGet("check-your-email"), AllowAnonymous]
    public async Task<IActionResult> CheckEmail(string? reference)
    {
        var result = await mediator.Send(new CreateAccount.CheckYourEmail(reference));
        return View("CheckYourEmail", new CheckYourEmailPage(result.IsSuccess ? result.Value : null, reference));
    }

    [HttpPost("check-your-email"), AllowAnonymous, EnableRateLimiting(RateLimits.Apply)]
    public async Task<IActionResult> SendEmailAgain(CreateAccount.SendAgain command)
    {
        var result = await mediator.Send(command);
        if (result.IsSuccess) Notify("We have sent the email again.");
        return RedirectToAction(nameof(CheckEmail), new { reference = command.Reference });
    }

    /// <summary>The emailed link: confirms the address, signs the applicant in and starts the questions.</summary>
    [HttpGet("confirm-email"), AllowAnonymous]
    public async Task<IActionResult> ConfirmEmailLink(Guid user, string? token)
    {
        var result = await mediator.Send(new ConfirmEmail.Command(user, token));
        if (!result.IsSuccess) return View("EmailLinkExpired");
        return result.Value == ConfirmEmail.Outcome.Confirmed ? Redirect(ApplicationSection.First.Path) : View("EmailAlreadyConfirmed");
    }

    /// <summary>A signed-in applicant whose address is not confirmed asks for a new link.</summary>
    [HttpPost("resend-confirmation"), AnyApplicantStage]
    public async Task<IActionResult> SendLinkAgain()
    {
        var result = await mediator.Send(new ConfirmEmail.SendAgain());
        if (result.IsSuccess) Notify($"We have sent a new link to {result.Value}.");
        return Redirect(ApplicationSection.StartPath);
    }

    // ---- Question pages ------------------------------------------------------------------------------

    [HttpGet("contact")]
    public async Task<IActionResult> Contact() => View("Contact", await mediator.Send(new SaveContact.Load()));

    [HttpPost("contact")]
    public Task<IActionResult> Contact(SaveContact.Command command, [FromQuery] string? returnTo) =>
        Submit(command, _ => Redirect(ApplicationSection.Contact.NextPath(returnTo)), () => View("Contact", command));

    [HttpGet("registration")]
    public async Task<IActionResult> Registration() => View("Registration", await mediator.Send(new SaveRegistration.Load()));

    [HttpPost("registration")]
    public Task<IActionResult> Registration(SaveRegistration.Command command, [FromQuery] string? returnTo) =>
        Submit(command, _ => Redirect(ApplicationSection.Registration.NextPath(returnTo)), () => View("Registration", command));

    [HttpGet("background")]
    public async Task<IActionResult> Background() => View("Background", await mediator.Send(new SaveBackground.Load()));

    [HttpPost("background")]
    public Task<IActionResult> Background(SaveBackground.Command command, [FromQuery] string? returnTo) =>
        Submit(command, _ => Redirect(ApplicationSection.Background.NextPath(returnTo)), () => View("Background", command));

    [HttpGet("employment")]
    public async Task<IActionResult> Employment() => View("Employment", await mediator.Send(new EmploymentHistory.Query()));

    [HttpPost("employment")]
    public async Task<IActionResult> Employment([FromQuery] string? returnTo)
    {
        var page = await mediator.Send(new EmploymentHistory.Query());
        return await Submit(new EmploymentHistory.Continue(), _ => Redirect(ApplicationSection.Employment.NextPath(returnTo)),
            () => View("Employment", page));
    }

    [HttpGet("employment/add")]
    public async Task<IActionResult> AddJob() => View("AddJob", await mediator.Send(new EmploymentHistory.LoadAdd()));

    [HttpPost("employment/add")]
    public async Task<IActionResult> AddJob([Bind(Prefix = "Form")] EmploymentHistory.AddJob command, [FromQuery] string? returnTo)
    {
        var authorities = (await mediator.Send(new EmploymentHistory.LoadAdd())).Authorities;
        return await Submit(command, _ => Redirect(ApplicationSection.WithReturn(ApplicationSection.Employment.Path, returnTo)),
            () => View("AddJob", new EmploymentHistory.AddPage(command, authorities)), prefix: "Form");
    }

    [HttpPost("employment/{id:guid}/remove")]
    public async Task<IActionResult> RemoveJob(Guid id, [FromQuery] string? returnTo)
    {
        var result = await mediator.Send(new EmploymentHistory.RemoveJob(id));
        if (result.Status == ResultStatus.NotFound) return NotFound();
        return Redirect(ApplicationSection.WithReturn(ApplicationSection.Employment.Path, returnTo));
    }

    [HttpGet("skills")]
    public async Task<IActionResult> Skills() => View("Skills", await mediator.Send(new SaveSkills.Load()));

    [HttpPost("skills")]
    public async Task<IActionResult> Skills([Bind(Prefix = "Form")] SaveSkills.Command command, [FromQuery] string? returnTo)
    {
        var types = (await mediator.Send(new SaveSkills.Load())).Types;
        return await Submit(command, _ => Redirect(ApplicationSection.Skills.NextPath(returnTo)),
            () => View("Skills", new SaveSkills.Page(command, types)), prefix: "Form");
    }

    [HttpGet("area")]
    public async Task<IActionResult> Area() => View("Area", await mediator.Send(new SaveArea.Load()));

    [HttpPost("area")]
    public Task<IActionResult> Area(SaveArea.Command command, [FromQuery] string? returnTo) =>
        Submit(command, _ => Redirect(ApplicationSection.Area.NextPath(returnTo)), () => View("Area", command));

    [HttpGet("languages")]
    public async Task<IActionResult> Languages() => View("Languages", await mediator.Send(new SaveLanguages.Load()));

    [HttpPost("languages")]
    public Task<IActionResult> Languages(SaveLanguages.Command command, [FromQuery] string? returnTo) =>
        Submit(command, _ => Redirect(ApplicationSection.Languages.NextPath(returnTo)), () => View("Languages", command));

    [HttpGet("capacity")]
    public async Task<IActionResult> Capacity() => View("Capacity", await mediator.Send(new SaveCapacity.Load()));

    [HttpPost("capacity")]
    public Task<IActionResult> Capacity(SaveCapacity.Command command, [FromQuery] string? returnTo) =>
        Submit(command, _ => Redirect(ApplicationSection.Capacity.NextPath(returnTo)), () => View("Capacity", command));

    [HttpGet("unavailability")]
    public async Task<IActionResult> Unavailable() => View("Unavailability", await mediator.Send(new Unavailability.Query()));

    [HttpPost("unavailability")]
    public async Task<IActionResult> Unavailable([FromQuery] string? returnTo)
    {
        var page = await mediator.Send(new Unavailability.Query());
        return await Submit(new Unavailability.Continue(), _ => Redirect(ApplicationSection.Unavailability.NextPath(returnTo)),
            () => View("Unavailability", page));
    }

    [HttpGet("unavailability/add")]
    public IActionResult AddPeriod() => View("AddPeriod", new Unavailability.AddPeriod());

    [HttpPost("unavailability/add")]
    public Task<IActionResult> AddPeriod(Unavailability.AddPeriod command, [FromQuery] string? returnTo) =>
        Submit(command, _ => Redirect(ApplicationSection.WithReturn(ApplicationSection.Unavailability.Path, returnTo)),
            () => View("AddPeriod", command));

    [HttpPost("unavailability/{id:guid}/remove")]
    public async Task<IActionResult> RemovePeriod(Guid id, [FromQuery] string? returnTo)
    {
        var result = await mediator.Send(new Unavailability.RemovePeriod(id));
        if (result.Status == ResultStatus.NotFound) return NotFound();
        return Redirect(ApplicationSection.WithReturn(ApplicationSection.Unavailability.Path, returnTo));
    }

    // ---- Check and submit ----------------------------------------------------------------------------

    [HttpGet("check-answers")]
    public async Task<IActionResult> Check() => View("CheckAnswers", new CheckAnswersPage(await mediator.Send(new CheckAnswers.Query()), false));

    [HttpPost("submit")]
    public async Task<IActionResult> SendApplication(SubmitApplication.Command command,
        [FromServices] UserManager<AppUser> userManager, [FromServices] SignInManager<AppUser> signIn)
    {
        if (ModelState.IsValid)
        {
            var result = await mediator.Send(command);
            if (result.IsSuccess)
            {
                // The sign-in's claims gain the new profile's id, so the panel member's pages work straight away.
                if (await userManager.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
                return RedirectToAction(nameof(Confirmation));
            }

            ModelState.AddErrors(result.Errors);
        }

        return View("CheckAnswers", new CheckAnswersPage(await mediator.Send(new CheckAnswers.Query()), command.Declaration));
    }

    /// <summary>The confirmation panel, shown once the application is submitted.</summary>
    [HttpGet("submitted"), AnyApplicantStage]
    public async Task<IActionResult> Confirmation()
    {
        var stage = await mediator.Send(new ApplicationProgress.StageQuery());
        return stage.Stage == Stage.Submitted ? View("Submitted", stage.Email) : Redirect(ApplicationSection.StartPath);
    }
}

/// <summary>The journey's gate (confirmed email, not yet submitted) does not apply to this action.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnyApplicantStageAttribute : Attribute;

public sealed record CheckYourEmailPage(string? Email, string? Reference);

public sealed record CheckAnswersPage(CheckAnswers.Summary Summary, bool Declaration);
