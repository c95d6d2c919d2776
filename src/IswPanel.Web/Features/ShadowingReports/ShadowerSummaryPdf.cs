using System.Globalization;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Work;
using IswPanel.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>
/// The shadower's summary as an A4 PDF for their portfolio: the same content as the printable page. Text is
/// wrapped to the page width and flows onto new pages, so a long reflection is never cut off; each page is numbered.
/// </summary>
public static class ShadowerSummaryPdf
{
    private const double Margin = 56;   // about 2 cm
    private const double BodySize = 10.5;
    private const double LineGap = 1.35;
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Write(ShadowerSummary.Summary summary, PdfFonts fonts, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(fonts);
        fonts.EnsureRegistered();

        using var document = new PdfDocument();
        document.Info.Title = $"Shadowing summary: {summary.Name}";
        document.Info.Author = "IswPanel";
        document.Info.Subject = $"Shadowing with {summary.Authority}";

        var writer = new Writer(document);
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
        writer.NumberPages();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
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

    /// <summary>Lays text out top to bottom, adding pages as it goes.</summary>
    private sealed class Writer
    {
        private readonly PdfDocument document;
        private readonly XFont body = new(PdfFonts.Family, BodySize, XFontStyleEx.Regular);
        private readonly XFont bold = new(PdfFonts.Family, BodySize, XFontStyleEx.Bold);
        private readonly XFont small = new(PdfFonts.Family, 8.5, XFontStyleEx.Regular);
        private PdfPage page = null!;
        private XGraphics graphics = null!;
        private double y;

        public Writer(PdfDocument document)
        {
            this.document = document;
            NewPage();
        }

        private double Width => page.Width.Point - 2 * Margin;
        private double Bottom => page.Height.Point - Margin - 14;   // room for the page number

        public void Heading(string text, double size) => Lines(text, new XFont(PdfFonts.Family, size, XFontStyleEx.Bold), spaceAfter: size * 0.4);

        public void Label(string text) => Lines(text, bold, spaceAfter: 0);

        public void Paragraph(string text) => Lines(text, body, spaceAfter: 3);

        public void Small(string text) => Lines(text, small, spaceAfter: 0);

        public void Space(double points) => y += points;

        public void NumberPages()
        {
            graphics.Dispose();
            for (var i = 0; i < document.PageCount; i++)
            {
                var numbered = document.Pages[i];
                using var gfx = XGraphics.FromPdfPage(numbered, XGraphicsPdfPageOptions.Append);
                var text = $"Page {i + 1} of {document.PageCount}";
                var width = gfx.MeasureString(text, small).Width;
                gfx.DrawString(text, small, XBrushes.Black, numbered.Width.Point - Margin - width, numbered.Height.Point - Margin + 4);
            }
        }

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private void Lines(string text, XFont font, double spaceAfter)
        {
            var lineHeight = font.Size * LineGap;
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(paragraph, font))
                {
                    if (y + lineHeight > Bottom) NewPage();
                    graphics.DrawString(line, font, XBrushes.Black, Margin, y + font.Size);
                    y += lineHeight;
                }
            }

            y += spaceAfter;
        }

        /// <summary>Greedy word wrap by measured width; a word wider than the line is broken between letters.</summary>
        private List<string> Wrap(string paragraph, XFont font)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : $"{current} {word}";
                if (Fits(candidate, font))
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0) lines.Add(current);
                current = word;
                while (!Fits(current, font) && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && !Fits(current[..cut], font)) cut--;
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
            return lines;
        }

        private bool Fits(string text, XFont font) => graphics.MeasureString(text, font).Width <= Width;
    }
}
