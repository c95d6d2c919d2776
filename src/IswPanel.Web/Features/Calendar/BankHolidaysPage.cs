using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Calendar;

/// <summary>
/// The administrators' bank holidays page: the years working days are known for, this year's and next year's
/// holidays, the newest upload, and the form to upload a newer GOV.UK file.
/// </summary>
public static class BankHolidaysPage
{
    public sealed record Query : IQuery<Page>;

    /// <param name="Form">The upload form (a file input cannot be filled in again, so it is always empty).</param>
    public sealed record Page(int FirstYear, int LastYear, IReadOnlyList<Year> Years, Upload? NewestUpload, TimeSpan RefreshInterval,
        UploadBankHolidays.Command Form);

    /// <param name="Covered">False when the list stops before this year: working days there cannot be worked out.</param>
    public sealed record Year(int Number, bool Covered, IReadOnlyList<BankHoliday> Holidays);

    public sealed record Upload(DateTime UploadedAt, string UploadedBy, int FirstYear, int LastYear, bool InForce);

    public sealed class Handler(AppDbContext db, CalendarSource source, IClock clock,
        Microsoft.Extensions.Options.IOptions<CalendarOptions> options) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            var calendar = source.Current;
            var thisYear = clock.Today.Year;
            var years = new[] { thisYear, thisYear + 1 }
                .Select(y => new Year(y, calendar.Covers(new DateOnly(y, 1, 1)),
                    [.. calendar.HolidayList.Holidays.Where(h => h.Date.Year == y)]))
                .ToList();

            var newest = await (
                from u in db.BankHolidayUploads.AsNoTracking()
                join user in db.Users on u.UploadedByUserId equals user.Id
                orderby u.UploadedAt descending, u.Id descending
                select new { u.Id, u.UploadedAt, user.DisplayName, u.FirstYear, u.LastYear })
                .FirstOrDefaultAsync(cancellationToken);
            var upload = newest is null ? null
                : new Upload(newest.UploadedAt, newest.DisplayName, newest.FirstYear, newest.LastYear, newest.Id == source.UploadId);

            return new Page(calendar.FirstYear, calendar.LastYear, years, upload, options.Value.RefreshInterval, new UploadBankHolidays.Command());
        }
    }
}
