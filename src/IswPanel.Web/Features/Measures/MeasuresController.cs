using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Measures;

[Route("my-measures"), Authorize(Policy = Policies.Isw)]
public sealed class MeasuresController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => ViewOrNotFound(await mediator.Send(new MyMeasures.Query()));
}
