using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.QaAdmin;

/// <summary>The QA rubric and each assessment type's QA policy, for panel administrators.</summary>
[Route("admin"), Authorize(Policy = Policies.PanelAdmin)]
public sealed class QaAdminController(IMediator mediator) : AppController
{
    private const string FormPrefix = "Form";

    [HttpGet("rubric")]
    public async Task<IActionResult> Rubric() => View(await mediator.Send(new Rubric.Query()));

    [HttpGet("rubric/new")]
    public IActionResult NewCriterion() => View("CriterionForm", new Rubric.Command());

    [HttpGet("rubric/{id:guid}/edit")]
    public async Task<IActionResult> EditCriterion(Guid id)
    {
        var result = await mediator.Send(new Rubric.Load(id));
        return result.IsSuccess ? View("CriterionForm", result.Value) : NotFound();
    }

    [HttpPost("rubric/save")]
    public Task<IActionResult> SaveCriterion(Rubric.Command command) =>
        Submit(command, _ =>
        {
            Notify(command.Id is null ? "The criterion has been added to the rubric." : "The criterion has been changed.");
            return RedirectToAction(nameof(Rubric));
        }, () => View("CriterionForm", command));

    [HttpPost("rubric/{id:guid}/{change}")]
    public async Task<IActionResult> ChangeCriterion(Guid id, Rubric.Change change)
    {
        var result = await mediator.Send(new Rubric.ChangeCommand(id, change));
        if (result.Status == ResultStatus.NotFound) return NotFound();
        Notify(result.IsSuccess
            ? change switch
            {
                QaAdmin.Rubric.Change.Retire => $"“{result.Value}” has been retired. Past reviews keep their scores.",
                QaAdmin.Rubric.Change.Restore => $"“{result.Value}” is back in the rubric.",
                _ => $"“{result.Value}” has been moved.",
            }
            : string.Join(" ", result.Errors.Values.SelectMany(m => m)));
        return RedirectToAction(nameof(Rubric));
    }

    [HttpGet("assessment-types/{id:guid}/qa")]
    public async Task<IActionResult> QaPolicy(Guid id) => ViewOrNotFound(await mediator.Send(new SetQaPolicy.Load(id)));

    [HttpPost("assessment-types/{id:guid}/qa")]
    public async Task<IActionResult> QaPolicy(Guid id, [Bind(Prefix = FormPrefix)] SetQaPolicy.Command command)
    {
        var page = await mediator.Send(new SetQaPolicy.Load(id));
        if (!page.IsSuccess) return NotFound();
        return await Submit(command with { Id = id }, name =>
        {
            Notify(command.RequiresSecondReviewer
                ? $"{name} reports now need two QA approvals before release."
                : $"{name} reports now need one QA approval before release.");
            return Redirect("/admin/rubric");
        }, () => View(page.Value! with { Form = command }), prefix: FormPrefix);
    }
}
