using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Admin;

[Route("admin"), Authorize(Policy = Policies.PanelAdmin)]
public sealed class AdminController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new AdminOverview.Query()));

    [HttpGet("authorities")]
    public async Task<IActionResult> Authorities() => View(await mediator.Send(new ListAuthorities.Query()));

    [HttpGet("authorities/new")]
    public IActionResult NewAuthority() => View("AuthorityForm", new SaveAuthority.Command());

    [HttpGet("authorities/{id:guid}/edit")]
    public async Task<IActionResult> EditAuthority(Guid id)
    {
        var result = await mediator.Send(new SaveAuthority.Load(id));
        return result.IsSuccess ? View("AuthorityForm", result.Value) : NotFound();
    }

    [HttpPost("authorities/save")]
    public Task<IActionResult> SaveAuthority(SaveAuthority.Command command) =>
        Submit(command, _ =>
        {
            Notify(command.Id is null ? $"{command.Name} has been added." : $"{command.Name} has been updated.");
            return RedirectToAction(nameof(Authorities));
        }, () => View("AuthorityForm", command));

    [HttpGet("users")]
    public async Task<IActionResult> Users(string? role, int? page) =>
        View(await mediator.Send(new ListUsers.Query { Role = role, Page = page }));

    [HttpGet("users/invite")]
    public async Task<IActionResult> InviteUser() => View(await InviteForm(new InviteUser.Command()));

    [HttpPost("users/invite")]
    public async Task<IActionResult> InviteUser([Bind(Prefix = "Form")] InviteUser.Command command)
    {
        var form = await InviteForm(command);
        return await Submit(command, _ =>
        {
            Notify($"We have emailed an invitation to {command.Email}.");
            return RedirectToAction(nameof(Users));
        }, () => View(form), prefix: "Form");
    }

    [HttpPost("users/{id:guid}/resend-invitation")]
    public async Task<IActionResult> ResendInvitation(Guid id)
    {
        var result = await mediator.Send(new InviteUser.Resend(id));
        if (result.IsSuccess) Notify("We have sent the invitation again.");
        else if (result.Status == Infrastructure.Results.ResultStatus.NotFound) return NotFound();
        else Notify(string.Join(" ", result.Errors.Values.SelectMany(m => m)));
        return RedirectToAction(nameof(Users));
    }

    [HttpGet("users/{id:guid}/disable")]
    public Task<IActionResult> DisableUser(Guid id) => ConfirmAccessChange(id, disable: true);

    [HttpPost("users/{id:guid}/disable")]
    public Task<IActionResult> DisableUserConfirmed(Guid id) => ChangeAccess(id, disable: true);

    [HttpGet("users/{id:guid}/enable")]
    public Task<IActionResult> EnableUser(Guid id) => ConfirmAccessChange(id, disable: false);

    [HttpPost("users/{id:guid}/enable")]
    public Task<IActionResult> EnableUserConfirmed(Guid id) => ChangeAccess(id, disable: false);

    private async Task<IActionResult> ConfirmAccessChange(Guid id, bool disable)
    {
        var page = await mediator.Send(new DisableUser.Load(id, disable));
        return page.IsSuccess ? View("ConfirmDisable", page.Value) : NotFound();
    }

    private async Task<IActionResult> ChangeAccess(Guid id, bool disable)
    {
        var result = await mediator.Send(new DisableUser.Command(id, disable));
        if (result.IsSuccess)
        {
            Notify(disable ? "The account has been disabled and signed out everywhere." : "The account has been re-enabled.");
            return RedirectToAction(nameof(Users));
        }

        var page = await mediator.Send(new DisableUser.Load(id, disable));
        return Failed(result, () => page.IsSuccess ? View("ConfirmDisable", page.Value) : NotFound());
    }

    [HttpGet("assessment-types")]
    public async Task<IActionResult> AssessmentTypes() => View(await mediator.Send(new ListAssessmentTypes.Query(IncludeInactive: true)));

    [HttpGet("assessment-types/{id:guid}/edit")]
    public async Task<IActionResult> EditAssessmentType(Guid id)
    {
        var result = await mediator.Send(new SaveAssessmentType.Load(id));
        return result.IsSuccess ? View("AssessmentTypeForm", result.Value) : NotFound();
    }

    [HttpPost("assessment-types/{id:guid}/edit")]
    public async Task<IActionResult> EditAssessmentType(Guid id, SaveAssessmentType.Command command)
    {
        var current = await mediator.Send(new SaveAssessmentType.Load(id));
        if (!current.IsSuccess) return NotFound();
        var posted = command with { Id = id, Code = current.Value!.Code };
        return await Submit(posted, _ =>
        {
            Notify($"{posted.Name} has been updated.");
            return RedirectToAction(nameof(AssessmentTypes));
        }, () => View("AssessmentTypeForm", posted));
    }

    private async Task<InviteUserPage> InviteForm(InviteUser.Command command) =>
        new(command, await mediator.Send(new ListAuthorities.Query()));
}

public sealed record InviteUserPage(InviteUser.Command Form, IReadOnlyList<ListAuthorities.Item> Authorities);
