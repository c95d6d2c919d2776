using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.MyWork;

[Route("my-work"), Authorize(Policy = Policies.Isw)]
public sealed class MyWorkController(IMediator mediator) : AppController
{
    /// <summary>An Isw user without a panel profile has not finished applying yet: their home is the application.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var result = await mediator.Send(new MyWorkOverview.Query());
        return result.Status == Infrastructure.Results.ResultStatus.NotFound ? Redirect("/apply") : ViewOrNotFound(result);
    }
}
