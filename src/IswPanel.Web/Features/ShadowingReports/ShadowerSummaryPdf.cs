using System.Globalization;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Work;
using IswPanel.Web.Infrastructure.Pdf;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>
/// The shadower's summary as an A4 PDF for their portfolio: the same content as the printable page. Text is
/// wrapped to the page width and flows onto new pages, so a long reflection is never cut off; each page is numbered.
/// </summary>
public static class ShadowerSummaryPdf
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Write(ShadowerSummary.Summary summary, PdfFonts fonts, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(fonts);
        fonts.EnsureRegistered();

        using var writer = new PdfTextWriter($"Shadowing summary: {summary.Name}", $"Shadowing with {summary.Authority}");
        writer.Heading($"Shadowing summary: {summary.Name}", 18);
        writer.Paragraph($"{summary.Role.DisplayName()}, {summary.Authority}");
        writer.Paragraph(PeriodText(summary.Period));
        if (summary.LeftOn is { } left) writer.Paragraph($"Left {summary.Authority} on {Day(left)}.");
        writer.Space(6);

        writer.Heading("Totals", 13);
        writer.Paragraph($"Sessions shadowed: {summary.SessionCount}");
        writer.Paragraph($"Total time: {summary.Time}");
        writer.Paragraph($"Assessment types seen: {(summary.AssessmentTypes.Count == 0 ? "none yet" : string.Join(", ", summary.AssessmentTypes))}");
        writer.Space(6);

        writer.Heading("Time by month", 13);
        if (summary.ByMonth.Count == 0) writer.Paragraph("No sessions in this period.");
        foreach (var month in summary.ByMonth)
            writer.Paragraph($"{month.Start.ToString("MMMM yyyy", Uk)}: {Sessions(month.Sessions)}, {ShadowingTime.Describe(month.Minutes)}");
        writer.Space(6);

        writer.Heading("Sessions and reflections", 13);
        if (summary.Sessions.Count == 0) writer.Paragraph("No sessions in this period.");
        foreach (var session in summary.Sessions)
        {
            writer.Space(4);
            writer.Heading($"{Day(session.Date)}: {session.Kind.DisplayName()}, {ShadowingTime.Describe(session.Minutes)}", 11);
            writer.Paragraph($"With {session.Isw} ({session.AssessmentType})");
            writer.Label("Reflection");
            writer.Paragraph(session.Reflection ?? "Not written yet.");
            if (session.IswComment is { } comment)
            {
                writer.Label($"Comment from {session.Isw}");
                writer.Paragraph(comment);
            }
        }

        writer.Space(10);
        writer.Small($"Produced by IswPanel on {Day(DateOnly.FromDateTime(generatedAt))}. Time is each attended session's length, as the social worker logged it.");
        return writer.ToBytes();
    }

    public static string PeriodText(ReportPeriod period) => (period.From, period.To) switch
    {
        (null, null) => "All sessions shadowed.",
        ({ } from, null) => $"Sessions from {Day(from)}.",
        (null, { } to) => $"Sessions up to {Day(to)}.",
        ({ } from, { } to) => $"Sessions from {Day(from)} to {Day(to)}.",
    };

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", Uk);

    private static string Sessions(int count) => count == 1 ? "1 session" : $"{count.ToString(Uk)} sessions";
}
