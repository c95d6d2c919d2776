using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.MyWork;

[Route("my-work"), Authorize(Policy = Policies.Isw)]
public sealed class MyWorkController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => ViewOrNotFound(await mediator.Send(new MyWorkOverview.Query()));
}
