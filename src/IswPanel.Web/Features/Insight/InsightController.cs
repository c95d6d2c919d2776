using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// The dashboards (commissioner, administrator, ISW) and an authority's evidence pack: the printable page with its
/// plan, the CSV and the PDF. Another authority's pack is 404, never 403. A period that cannot be read shows the
/// period form again with its errors.
/// </summary>
public sealed class InsightController(IMediator mediator, IAuditLog audit, EvidencePackPdf pdf) : AppController
{
    [HttpGet("/dashboard"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Commissioner(string? from, string? to) =>
        Show(await mediator.Send(new CommissionerDashboard.Query(from, to), HttpContext.RequestAborted), "/dashboard", from, to);

    [HttpGet("/admin/dashboard"), Authorize(Policy = Policies.PanelAdmin)]
    public async Task<IActionResult> Admin(string? from, string? to, Guid? authority) =>
        Show(await mediator.Send(new AdminDashboard.Query(from, to, authority), HttpContext.RequestAborted), "/admin/dashboard", from, to);

    [HttpGet("/my-dashboard"), Authorize(Policy = Policies.Isw)]
    public async Task<IActionResult> Isw(string? from, string? to) =>
        Show(await mediator.Send(new IswDashboard.Query(from, to), HttpContext.RequestAborted), "/my-dashboard", from, to);

    [HttpGet("/authorities/{authorityId:guid}/evidence"), Authorize(Policy = Policies.AuthorityInsight)]
    public async Task<IActionResult> Evidence(Guid authorityId, string? from, string? to)
    {
        var pack = await mediator.Send(new EvidencePack.Query(authorityId, from, to), HttpContext.RequestAborted);
        return pack.IsSuccess
            ? View(new EvidencePage(pack.Value!, new SaveEvidencePlan.Command { From = pack.Value!.Period.FromText, To = pack.Value.Period.ToText, Text = pack.Value.SavedPlan?.Text }))
            : Show(pack, $"/authorities/{authorityId}/evidence", from, to);
    }

    [HttpPost("/authorities/{authorityId:guid}/evidence/plan"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Plan(Guid authorityId, [Bind(Prefix = EvidencePage.FormPrefix)] SaveEvidencePlan.Command command)
    {
        var posted = command with { AuthorityId = authorityId };
        var pack = await mediator.Send(new EvidencePack.Query(authorityId, posted.From, posted.To), HttpContext.RequestAborted);
        if (!pack.IsSuccess || !pack.Value!.CanWritePlan) return NotFound();
        return await Submit(posted, saved =>
        {
            Notify($"Your plans for {saved.Period.Display} have been saved.");
            return Redirect($"/authorities/{authorityId}/evidence?{saved.Period.Query}#plans");
        }, () => View(nameof(Evidence), new EvidencePage(pack.Value!, posted)), prefix: EvidencePage.FormPrefix);
    }

    [HttpGet("/authorities/{authorityId:guid}/evidence.csv"), Authorize(Policy = Policies.AuthorityInsight)]
    public async Task<IActionResult> EvidenceCsvFile(Guid authorityId, string? from, string? to)
    {
        var result = await mediator.Send(new EvidencePack.Query(authorityId, from, to), HttpContext.RequestAborted);
        if (!result.IsSuccess) return result.Status == ResultStatus.Invalid ? BadRequest() : NotFound();
        var pack = result.Value!;
        await audit.WriteAsync(AuditActions.EvidencePackDownloaded, "Authority", authorityId.ToString(), $"CSV {pack.Period.Key}",
            subjectAuthorityId: authorityId);
        Response.Headers.CacheControl = "no-store";
        return File(EvidenceCsv.Write(pack), "text/csv", EvidenceCsv.FileName(pack, "csv"));
    }

    /// <summary>The pack as a PDF; 503 with the reason when this server has no font to write it with.</summary>
    [HttpGet("/authorities/{authorityId:guid}/evidence.pdf"), Authorize(Policy = Policies.AuthorityInsight)]
    public async Task<IActionResult> EvidencePdfFile(Guid authorityId, string? from, string? to)
    {
        var result = await mediator.Send(new EvidencePack.Query(authorityId, from, to), HttpContext.RequestAborted);
        if (!result.IsSuccess) return result.Status == ResultStatus.Invalid ? BadRequest() : NotFound();
        if (pdf.Problem is { } problem)
            return StatusCode(StatusCodes.Status503ServiceUnavailable, $"The PDF cannot be made on this server: {problem} The printable page still works.");
        var pack = result.Value!;
        await audit.WriteAsync(AuditActions.EvidencePackDownloaded, "Authority", authorityId.ToString(), $"PDF {pack.Period.Key}",
            subjectAuthorityId: authorityId);
        Response.Headers.CacheControl = "no-store";
        return File(pdf.Render(pack), "application/pdf", EvidenceCsv.FileName(pack, "pdf"));
    }

    /// <summary>The page, or the period form again (400) when the dates cannot be used; another tenant's or a missing one is 404.</summary>
    private IActionResult Show<T>(Result<T> result, string action, string? from, string? to)
    {
        if (result.IsSuccess) return View(result.Value);
        if (result.Status != ResultStatus.Invalid) return NotFound();
        ModelState.AddErrors(result.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Period", new PeriodForm(action, from, to));
    }
}

/// <summary>The evidence page: the pack and the plan form (saved text, or the posted text kept with its errors).</summary>
public sealed record EvidencePage(EvidencePack.Pack Pack, SaveEvidencePlan.Command Form)
{
    public const string FormPrefix = "Form";
}

/// <summary>The period chooser when the dates given could not be used.</summary>
public sealed record PeriodForm(string Action, string? From, string? To);
