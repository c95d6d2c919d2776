using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Insight.Figures;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Insight;

/// <summary>The evidence pack's figures as JSON: the same pack as the page, the CSV and the PDF.</summary>
public sealed class InsightApiController(IMediator mediator) : ApiController
{
    public sealed record AuthorityRef(Guid Id, string Name);
    public sealed record PeriodRef(DateOnly From, DateOnly To);
    public sealed record CriterionJson(string Criterion, int Scores, double Mean);
    public sealed record ReturnedJson(string Criterion, int LowScores, double Mean);
    public sealed record RatingsJson(int Count, double? Quality, double? Timeliness, double? Communication, double? Overall);

    public sealed record QualityJson(int Reviews, int FirstVersionsDecided, int FirstVersionsApprovedFirstTime, double? FirstPassRate,
        double? MeanTurnaroundWorkingDays, double? MeanTurnaroundHours, IReadOnlyList<CriterionJson> ScoresByCriterion, int ReturnedReviews,
        IReadOnlyList<ReturnedJson> ReturnedFor, RatingsJson Ratings);

    public sealed record MonthReleased(string Month, int Released, int OnTime);
    public sealed record LateDays(int WorkingDaysLate, int Count);
    public sealed record ReasonJson(string Reason, int Count);

    public sealed record TimelinessJson(int Released, int OnTime, double? OnTimeRate, IReadOnlyList<MonthReleased> ByMonth, int Late,
        double? MeanWorkingDaysLate, IReadOnlyList<LateDays> LateByWorkingDays, IReadOnlyList<ReasonJson> LateReasons);

    public sealed record MonthDelegated(string Month, int Assessments, decimal Hours);
    public sealed record CapacityJson(int AssessmentsDelegated, decimal HoursDelegated, IReadOnlyList<MonthDelegated> ByMonth);
    public sealed record RoleHours(string Role, string RoleName, decimal Hours);
    public sealed record MonthHours(string Month, decimal Hours);
    public sealed record WorkforceJson(decimal ShadowingHours, IReadOnlyList<RoleHours> ByRole, IReadOnlyList<MonthHours> ByMonth);
    public sealed record PlanJson(string Text, DateTime SavedAt);

    public sealed record Evidence(AuthorityRef Authority, PeriodRef Period, DateTime GeneratedAt, QualityJson Quality, TimelinessJson Timeliness,
        CapacityJson Capacity, WorkforceJson WorkforceDevelopment, PlanJson? Plan, IReadOnlyList<EvidencePack.FigureRow> Figures);

    /// <summary>
    /// An authority's evidence pack for a period (<c>from</c>, <c>to</c>: YYYY-MM-DD, both inclusive; by default the last
    /// 12 months to today). Commissioners ask for their own authority (another's is 404); panel administrators any.
    /// </summary>
    [HttpGet("/api/v1/authorities/{id:guid}/evidence"), Authorize(Policy = Policies.AuthorityInsight)]
    [ProducesResponseType<Evidence>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<Evidence>> Get(Guid id, string? from, string? to)
    {
        var result = await mediator.Send(new EvidencePack.Query(id, from, to), HttpContext.RequestAborted);
        return result.IsSuccess ? Ok(ToJson(result.Value!)) : ToProblem(result);
    }

    public static Evidence ToJson(EvidencePack.Pack pack)
    {
        var r = pack.Ratings;
        return new Evidence(
            new AuthorityRef(pack.AuthorityId, pack.Authority),
            new PeriodRef(pack.Period.From, pack.Period.To),
            pack.GeneratedAt,
            new QualityJson(pack.FirstPass.Reviews, pack.FirstPass.FirstVersionsDecided, pack.FirstPass.ApprovedFirstTime, pack.FirstPass.Rate,
                pack.FirstPass.MeanTurnaroundWorkingDays, pack.FirstPass.MeanTurnaroundHours,
                [.. pack.Scores.Select(s => new CriterionJson(s.Criterion, s.Scores, s.Mean))],
                pack.Returns.ReturnedReviews,
                [.. pack.Returns.Criteria.Select(c => new ReturnedJson(c.Criterion, c.LowScores, c.Mean))],
                new RatingsJson(r.Count, r.Quality, r.Timeliness, r.Communication, r.Overall)),
            new TimelinessJson(pack.OnTime.Released, pack.OnTime.OnTimeCount, pack.OnTime.Rate,
                [.. pack.OnTime.Months.Select(m => new MonthReleased(EvidenceRows.Month(m.Month), m.Released, m.OnTime))],
                pack.Lateness.Late, pack.Lateness.MeanDaysLate,
                [.. pack.Lateness.ByDays.Select(d => new LateDays(d.WorkingDaysLate, d.Count))],
                [.. pack.LateReasons.Select(x => new ReasonJson(x.Reason, x.Count))]),
            new CapacityJson(pack.Delegated.Assessments, pack.Delegated.Hours,
                [.. pack.Delegated.Months.Select(m => new MonthDelegated(EvidenceRows.Month(m.Month), m.Assessments, m.Hours))]),
            new WorkforceJson(pack.Shadowing.TotalHours,
                [.. pack.Shadowing.ByRole.Select(x => new RoleHours(x.Role.ToString(), x.Role.DisplayName(), CapacityFigures.Hours(x.Minutes)))],
                [.. pack.Shadowing.ByMonth.Select(x => new MonthHours(EvidenceRows.Month(x.Month), CapacityFigures.Hours(x.Minutes)))]),
            pack.SavedPlan is { } plan ? new PlanJson(plan.Text, plan.SavedAt) : null,
            pack.Rows);
    }
}
