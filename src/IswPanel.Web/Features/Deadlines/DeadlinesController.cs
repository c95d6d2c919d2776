using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>Panel administrators: the lists the daily sweeps point to.</summary>
[Route("deadlines"), Authorize(Policy = Policies.PanelAdmin)]
public sealed class DeadlinesController(IMediator mediator) : AppController
{
    /// <summary>Requests at risk of missing their deadline, today.</summary>
    [HttpGet("at-risk")]
    public async Task<IActionResult> AtRisk() => View(await mediator.Send(new AtRiskRequests.Query()));

    /// <summary>Active members whose Social Work England registration is due to be verified again this registration year.</summary>
    [HttpGet("registrations")]
    public async Task<IActionResult> Registrations() => View(await mediator.Send(new RegistrationsToReverify.Query()));
}
