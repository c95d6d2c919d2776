using CsvHelper;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// The evidence pack's figures as CSV (RFC 4180): a header, then one row per figure — section, figure, period (the
/// pack's period, or the month for monthly figures) and value. Free text in a figure's name (a late reason) that a
/// spreadsheet would run as a formula is escaped.
/// </summary>
public static class EvidenceCsv
{
    public static readonly string[] Header = ["Section", "Figure", "Period", "Value"];

    public static byte[] Write(EvidencePack.Pack pack)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape, InjectionEscape = '\'' }, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var row in pack.Rows) csv.WriteRecord([row.Section, row.Figure, row.Period, row.Value]);
        }

        return buffer.ToArray();
    }

    public static string FileName(EvidencePack.Pack pack, string extension) =>
        $"evidence-{pack.Period.FromText}-to-{pack.Period.ToText}.{extension}";
}
