using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Invoices;

/// <summary>Monthly invoice lines: commissioners their own authority's, panel administrators any authority's.</summary>
[Route("invoices"), Authorize(Policy = Policies.ListRequests)]
public sealed class InvoicesController(IMediator mediator, IAuditLog audit) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? authority, string? month) =>
        ViewOrNotFound(await mediator.Send(new Invoice.Query(authority, month)));

    [HttpGet("csv")]
    public async Task<IActionResult> Csv(Guid? authority, string? month)
    {
        var result = await mediator.Send(new Invoice.Query(authority, month));
        if (!result.IsSuccess) return NotFound();
        var invoice = result.Value!;
        await audit.WriteAsync(AuditActions.InvoiceDownloaded, "Authority", invoice.AuthorityId.ToString(), invoice.MonthKey);
        Response.Headers.CacheControl = "no-store";
        return File(InvoiceCsv.Write(invoice), "text/csv", $"invoice-{invoice.MonthKey}.csv");
    }
}
