using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Calendar;

/// <summary>
/// Working days and deadlines: the administrators' bank holidays page, each person's calendar-feed link, and the
/// feed itself (anonymous, because calendar apps cannot sign in; the secret in its address protects it).
/// </summary>
public sealed class CalendarController(IMediator mediator) : AppController
{
    private const string FormPrefix = "Form";
    private const string FileField = FormPrefix + "." + nameof(UploadBankHolidays.Command.File);

    /// <param name="fileTooLarge">Sent back here by <see cref="UploadTooLargeAttribute"/>: the request was too large to read.</param>
    [HttpGet("admin/bank-holidays"), Authorize(Policy = Policies.PanelAdmin)]
    public async Task<IActionResult> BankHolidays([FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge)
    {
        var page = await mediator.Send(new BankHolidaysPage.Query());
        if (fileTooLarge) ModelState.AddModelError(FileField, UploadBankHolidays.TooLargeMessage);
        return View(page);
    }

    [HttpPost("admin/bank-holidays"), Authorize(Policy = Policies.PanelAdmin)]
    [RequestSizeLimit(UploadBankHolidays.RequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadBankHolidays.RequestLimit)]
    [UploadTooLarge(UploadBankHolidays.RequestLimit)]
    public async Task<IActionResult> BankHolidays([Bind(Prefix = FormPrefix)] UploadBankHolidays.Command command)
    {
        var page = await mediator.Send(new BankHolidaysPage.Query());
        return await Submit(command, outcome =>
        {
            Notify($"Bank holidays uploaded. Working days are now known for {outcome.FirstYear} to {outcome.LastYear}.");
            return RedirectToAction(nameof(BankHolidays));
        }, () => View(page), prefix: FormPrefix);
    }

    [HttpGet("account/calendar"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> MyCalendar() => ViewOrNotFound(await mediator.Send(new CalendarLink.Query()));

    /// <summary>Makes (or resets) the link and shows it, this once: only its hash is kept.</summary>
    [HttpPost("account/calendar"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> NewCalendarLink()
    {
        Response.Headers.CacheControl = "no-store";
        var result = await mediator.Send(new CalendarLink.Command());
        return result.IsSuccess ? View(nameof(MyCalendar), result.Value) : Failed(result, NotFound);
    }

    [HttpGet("calendar/{userId:guid}/{secret}.ics"), AllowAnonymous]
    public async Task<IActionResult> Feed(Guid userId, string secret)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var result = await mediator.Send(new CalendarFeed.Query(userId, secret));
        return result.IsSuccess ? Content(result.Value!, "text/calendar; charset=utf-8") : NotFound();
    }
}
