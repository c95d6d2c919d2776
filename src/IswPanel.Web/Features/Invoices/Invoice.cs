using IswPanel.Web.Features.Shared;
using System.Globalization;
using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Invoices;

/// <summary>Section "Invoicing".</summary>
public sealed class InvoicingOptions
{
    public const string Section = "Invoicing";

    /// <summary>Pounds per mile of travel: HMRC's approved mileage rate for cars (45p for the first 10,000 miles).</summary>
    public decimal MileageRate { get; set; } = 0.45m;
}

/// <summary>
/// An authority's invoice lines for one month: one line per assignment with counting hours (within budget, or
/// approved beyond it) dated in the month. Hours are the counting minutes (work and travel time) / 60 to 2 places;
/// travel is the mileage at the configured rate; each line's total is hours × rate + travel rounded to the penny,
/// and the invoice total is the sum of the line totals. Decimal arithmetic throughout.
/// Commissioners see their own authority's (another's is not found); panel administrators choose any.
/// </summary>
public static class Invoice
{
    public sealed record Query(Guid? AuthorityId, string? Month) : IQuery<Result<Document>>;

    public sealed record Document(Guid AuthorityId, string Authority, DateOnly Month, IReadOnlyList<Line> Lines, decimal MileageRate,
        IReadOnlyList<AuthorityChoice> Authorities)
    {
        public decimal Total => Lines.Sum(l => l.Total);
        public string MonthKey => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        public string PreviousMonth => Month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        public string NextMonth => Month.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }


    public sealed record Line(Guid AssignmentId, string CaseReference, string AssessmentType, string Isw, int Minutes, decimal Hours,
        decimal HourlyRate, decimal Miles, decimal Travel, decimal Total);

    public static decimal Pennies(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>One line's price (one assignment's counting minutes and miles in one month): hours are the minutes / 60 to
    /// 2 places, travel the miles at the mileage rate to the penny, and the total hours × rate + travel to the penny.
    /// The evidence pack and the dashboards price spend and earnings with this, so they agree with the invoices.</summary>
    public static LinePrice Price(int minutes, decimal hourlyRate, decimal miles, decimal mileageRate)
    {
        var hours = decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
        var travel = Pennies(miles * mileageRate);
        return new LinePrice(hours, travel, Pennies(hours * hourlyRate + travel));
    }

    public readonly record struct LinePrice(decimal Hours, decimal Travel, decimal Total);

    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        month = parsed;
        return true;
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, Domain.Common.IClock clock, IOptions<InvoicingOptions> options)
        : IQueryHandler<Query, Result<Document>>
    {
        public async ValueTask<Result<Document>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var month = new DateOnly(today.Year, today.Month, 1);
            if (query.Month is not null && !TryParseMonth(query.Month, out month)) return Failure.NotFound;

            if (await AuthorityScope.ResolveAsync(db, me, query.AuthorityId, cancellationToken) is not { } scope) return Failure.NotFound;
            var (authority, authorities) = (scope.Authority, scope.Choices);
            var authorityId = authority.Id;

            var first = month;
            var next = month.AddMonths(1);
            var entries = await (
                from e in db.WorkLogEntries.AsNoTracking()
                where e.Date >= first && e.Date < next && (e.Approval == HoursApproval.WithinBudget || e.Approval == HoursApproval.Approved)
                join r in db.AssessmentRequests on e.AssessmentRequestId equals r.Id
                where r.AuthorityId == authorityId
                join x in db.Assignments on e.AssignmentId equals x.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join i in db.IswProfiles on e.IswProfileId equals i.Id
                select new { e.AssignmentId, r.CaseReference, Type = t.Name, Isw = i.FullName, x.HourlyRate, e.DurationMinutes, e.TravelMinutes, e.MileageMiles })
                .ToListAsync(cancellationToken);

            var rate = options.Value.MileageRate;
            var lines = entries
                .GroupBy(e => e.AssignmentId)
                .Select(g =>
                {
                    var first = g.First();
                    var minutes = g.Sum(e => e.DurationMinutes + e.TravelMinutes);
                    var miles = g.Sum(e => e.MileageMiles);
                    var price = Price(minutes, first.HourlyRate, miles, rate);
                    return new Line(g.Key, first.CaseReference, first.Type, first.Isw, minutes, price.Hours, first.HourlyRate, miles, price.Travel,
                        price.Total);
                })
                .OrderBy(l => l.CaseReference, StringComparer.Ordinal).ThenBy(l => l.Isw, StringComparer.Ordinal)
                .ToList();
            return new Document(authorityId, authority.Name, month, lines, rate, authorities);
        }
    }
}
