using System.Globalization;
using IswPanel.Domain.Common;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Pdf;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>
/// Shadowing reports: a shadower's summary (printable page and PDF), an authority's shadowing hours by month, and
/// the commissioner's record that a shadower has left.
/// </summary>
[Route("shadowing")]
public sealed class ShadowingReportsController(IMediator mediator, PdfFonts fonts, IClock clock) : AppController
{
    [HttpGet("shadowers/{shadowerId:guid}/summary"), Authorize(Policy = Policies.ShadowingSummary)]
    public async Task<IActionResult> Summary(Guid shadowerId, string? from, string? to)
    {
        var result = await mediator.Send(new ShadowerSummary.Query(shadowerId, from, to));
        if (result.Status == ResultStatus.Invalid)
        {
            // The period could not be read: say so, keep what was typed, and show every session meanwhile.
            ModelState.AddErrors(result.Errors);
            result = await mediator.Send(new ShadowerSummary.Query(shadowerId));
        }

        if (!result.IsSuccess) return NotFound();
        return View(SummaryPage.For(result.Value!, from, to));
    }

    [HttpGet("shadowers/{shadowerId:guid}/summary.pdf"), Authorize(Policy = Policies.ShadowingSummary)]
    public async Task<IActionResult> SummaryPdf(Guid shadowerId, string? from, string? to)
    {
        if (fonts.Problem is { } problem)
            return StatusCode(StatusCodes.Status503ServiceUnavailable, $"The PDF cannot be made on this server: {problem} The printable page still works.");

        var result = await mediator.Send(new ShadowerSummary.Query(shadowerId, from, to, ShadowerSummary.Use.Pdf));
        if (result.Status == ResultStatus.Invalid)
            return Redirect($"/shadowing/shadowers/{shadowerId}/summary?from={Uri.EscapeDataString(from ?? "")}&to={Uri.EscapeDataString(to ?? "")}");
        if (!result.IsSuccess) return NotFound();

        var summary = result.Value!;
        Response.Headers.CacheControl = "no-store";
        return File(ShadowerSummaryPdf.Write(summary, fonts, clock.UtcNow), "application/pdf", FileName(summary));
    }

    [HttpPost("shadowers/{shadowerId:guid}/left"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Left(Guid shadowerId, [Bind(Prefix = SummaryPage.LeavingPrefix)] RecordShadowerLeft.Command command)
    {
        var form = command with { ShadowerId = shadowerId };
        if (ModelState.IsValid)
        {
            var result = await mediator.Send(form);
            if (result.IsSuccess)
            {
                Notify(result.Value!);
                return Redirect($"/shadowing/shadowers/{shadowerId}/summary");
            }

            if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden) return NotFound();
            ModelState.AddErrors(result.Errors, SummaryPage.LeavingPrefix);
        }

        var summary = await mediator.Send(new ShadowerSummary.Query(shadowerId));
        return summary.IsSuccess ? View(nameof(Summary), SummaryPage.For(summary.Value!, null, null) with { Leaving = form }) : NotFound();
    }

    [HttpGet("hours"), Authorize(Policy = Policies.AuthorityInsight)]
    public async Task<IActionResult> Hours(Guid? authorityId, string? from, string? to)
    {
        var result = await mediator.Send(new ShadowingHours.Query(authorityId, from, to));
        if (result.Status == ResultStatus.Invalid)
        {
            ModelState.AddErrors(result.Errors);
            var fallback = await mediator.Send(new ShadowingHours.Query(authorityId, null, null));
            return fallback.IsSuccess ? View(fallback.Value! with { From = from, To = to }) : NotFound();
        }

        return ViewOrNotFound(result);
    }

    private static string FileName(ShadowerSummary.Summary summary)
    {
        var name = new string([.. summary.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        var period = summary.Period.From is { } start ? $"-from-{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
        return $"shadowing-summary-{(name.Length == 0 ? "shadower" : name)}{period}.pdf";
    }
}

/// <summary>The summary page: the summary, the period form (as typed), and the commissioner's leaving form.</summary>
public sealed record SummaryPage(ShadowerSummary.Summary Summary, string? From, string? To, RecordShadowerLeft.Command Leaving)
{
    public const string LeavingPrefix = "Leaving";

    public static SummaryPage For(ShadowerSummary.Summary summary, string? from, string? to) =>
        new(summary, from, to, new RecordShadowerLeft.Command { ShadowerId = summary.ShadowerId, LeftOn = DateInput.From(summary.LeftOn) });

    /// <summary>The PDF link for the same period.</summary>
    public string PdfHref
    {
        get
        {
            var query = new List<string>();
            if (Summary.Period.From is { } start) query.Add($"from={start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            if (Summary.Period.To is { } end) query.Add($"to={end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            return $"/shadowing/shadowers/{Summary.ShadowerId}/summary.pdf{(query.Count == 0 ? "" : "?" + string.Join("&", query))}";
        }
    }
}
