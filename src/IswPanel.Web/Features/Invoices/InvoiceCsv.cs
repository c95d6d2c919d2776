using System.Globalization;
using CsvHelper;

namespace IswPanel.Web.Features.Invoices;

/// <summary>
/// The invoice as CSV (RFC 4180) for the authority's finance system: a header, one row per line, then a total row.
/// Text that a spreadsheet would run as a formula is escaped.
/// </summary>
public static class InvoiceCsv
{
    public static readonly string[] Header =
        ["Month", "Authority", "Case reference", "Assessment", "Social worker", "Hours", "Hourly rate", "Miles", "Travel", "Total"];

    public static byte[] Write(Invoice.Document invoice)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var line in invoice.Lines)
            {
                csv.WriteRecord([invoice.MonthKey, invoice.Authority, line.CaseReference, line.AssessmentType, line.Isw, Money(line.Hours),
                    Money(line.HourlyRate), line.Miles.ToString("0.0", CultureInfo.InvariantCulture), Money(line.Travel), Money(line.Total)]);
            }

            csv.WriteRecord([invoice.MonthKey, invoice.Authority, "Total", "", "", "", "", "", "", Money(invoice.Total)]);
        }

        return buffer.ToArray();
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
