using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Qa;

[Route("qa"), Authorize(Policy = Policies.QaReviewer)]
public sealed class QaController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new QaQueue.Query()));
}
