using IswPanel.Web.Features.Admin;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.AssessmentTypes;

[Route("api/v1/assessment-types")]
public sealed class AssessmentTypesApiController(IMediator mediator) : ApiController
{
    public sealed record AssessmentTypeDto(string Code, string Name, int TypicalWeeks, int MinPqeYears, string? RequiredSkill);

    /// <summary>The active catalogue, as a plain array.</summary>
    [HttpGet, Authorize(Policy = Policies.AnyRole)]
    [ProducesResponseType<IReadOnlyList<AssessmentTypeDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<AssessmentTypeDto>> List() =>
        [.. (await mediator.Send(new ListAssessmentTypes.Query())).Select(t => new AssessmentTypeDto(t.Code, t.Name, t.TypicalWeeks, t.MinPqeYears, t.RequiredSkill))];
}
