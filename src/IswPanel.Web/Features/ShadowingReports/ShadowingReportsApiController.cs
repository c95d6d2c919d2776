using System.Globalization;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>A shadower's summary for an authority's own systems (a learning record, an ASYE portfolio tool).</summary>
[Route("api/v1/shadowers")]
public sealed class ShadowingReportsApiController(IMediator mediator) : ApiController
{
    public sealed record AuthorityRef(Guid Id, string Name);

    public sealed record MonthDto(string Month, int Sessions, int Minutes, decimal Hours);

    public sealed record SessionDto(Guid Id, DateOnly Date, WorkKind Kind, int Minutes, string Isw, string AssessmentType, string? Reflection,
        string? IswComment);

    public sealed record SummaryDto(Guid Id, string Name, ShadowerRole Role, AuthorityRef Authority, DateOnly StaffSince, DateOnly? LeftOn,
        DateOnly? From, DateOnly? To, int SessionCount, int Minutes, decimal Hours, string Time, IReadOnlyList<MonthDto> HoursByMonth,
        IReadOnlyList<string> AssessmentTypes, IReadOnlyList<SessionDto> Sessions);

    /// <summary>
    /// The shadower's sessions, time, time by month, assessment types seen and reflections; <c>?from=&amp;to=</c>
    /// (YYYY-MM-DD, both optional, both included) limit the period. The shadower, their authority's commissioners and
    /// panel administrators; anyone else gets 404.
    /// </summary>
    [HttpGet("{shadowerId:guid}/summary"), Authorize(Policy = Policies.ShadowingSummary)]
    [ProducesResponseType<SummaryDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<SummaryDto>> Summary(Guid shadowerId, [FromQuery] string? from, [FromQuery] string? to)
    {
        var result = await mediator.Send(new ShadowerSummary.Query(shadowerId, from, to, ShadowerSummary.Use.Api));
        if (!result.IsSuccess) return ToProblem(result);
        var s = result.Value!;
        return new SummaryDto(s.ShadowerId, s.Name, s.Role, new AuthorityRef(s.AuthorityId, s.Authority), s.StaffSince, s.LeftOn,
            s.Period.From, s.Period.To, s.SessionCount, s.Minutes, ShadowingTime.Hours(s.Minutes), s.Time,
            [.. s.ByMonth.Select(m => new MonthDto(m.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Sessions, m.Minutes, ShadowingTime.Hours(m.Minutes)))],
            s.AssessmentTypes,
            [.. s.Sessions.Select(x => new SessionDto(x.Id, x.Date, x.Kind, x.Minutes, x.Isw, x.AssessmentType, x.Reflection, x.IswComment))]);
    }
}
