using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IswPanel.Web.Infrastructure.Pdf;

/// <summary>
/// Lays text out top to bottom on A4 pages in the <see cref="PdfFonts.Family"/> font, adding pages as it goes. Text
/// is wrapped to the page width, so a long paragraph is never cut off; <see cref="ToBytes"/> numbers every page.
/// Used by every PDF IswPanel writes, so they share one look. Call <see cref="PdfFonts.EnsureRegistered"/> first.
/// </summary>
public sealed class PdfTextWriter : IDisposable
{
    private const double Margin = 56;   // about 2 cm
    private const double BodySize = 10.5;
    private const double LineGap = 1.35;

    private readonly PdfDocument document = new();
    private readonly XFont body = new(PdfFonts.Family, BodySize, XFontStyleEx.Regular);
    private readonly XFont bold = new(PdfFonts.Family, BodySize, XFontStyleEx.Bold);
    private readonly XFont small = new(PdfFonts.Family, 8.5, XFontStyleEx.Regular);
    private PdfPage page = null!;
    private XGraphics graphics = null!;
    private double y;
    private bool pageOpen;

    public PdfTextWriter(string title, string subject)
    {
        document.Info.Title = title;
        document.Info.Author = "IswPanel";
        document.Info.Subject = subject;
        NewPage();
    }

    private double Width => page.Width.Point - 2 * Margin;
    private double Bottom => page.Height.Point - Margin - 14;   // room for the page number

    public void Heading(string text, double size) => Lines(text, new XFont(PdfFonts.Family, size, XFontStyleEx.Bold), Margin, Width, spaceAfter: size * 0.4);

    public void Label(string text) => Lines(text, bold, Margin, Width, spaceAfter: 0);

    public void Paragraph(string text) => Lines(text, body, Margin, Width, spaceAfter: 3);

    public void Small(string text) => Lines(text, small, Margin, Width, spaceAfter: 0);

    public void Space(double points) => y += points;

    /// <summary>A figure: its label wrapped in the left column and its value, in bold, in the right; kept on one page.</summary>
    public void Figure(string label, string value)
    {
        var valueWidth = Width * 0.38;
        var labelWidth = Width - valueWidth - 12;
        var labelLines = Wrap(label, body, labelWidth);
        var valueLines = Wrap(value, bold, valueWidth);
        var lineHeight = BodySize * LineGap;
        var height = Math.Max(labelLines.Count, valueLines.Count) * lineHeight;
        if (y + height > Bottom) NewPage();
        var top = y;
        Draw(labelLines, body, Margin);
        y = top;
        Draw(valueLines, bold, Margin + labelWidth + 12);
        y = top + height + 2;
    }

    /// <summary>Numbers the pages ("Page 1 of 3") and returns the saved document.</summary>
    public byte[] ToBytes()
    {
        ClosePage();
        for (var i = 0; i < document.PageCount; i++)
        {
            var numbered = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(numbered, XGraphicsPdfPageOptions.Append);
            var text = $"Page {i + 1} of {document.PageCount}";
            var width = gfx.MeasureString(text, small).Width;
            gfx.DrawString(text, small, XBrushes.Black, numbered.Width.Point - Margin - width, numbered.Height.Point - Margin + 4);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        ClosePage();
        document.Dispose();
    }

    private void ClosePage()
    {
        if (pageOpen) graphics.Dispose();
        pageOpen = false;
    }

    private void NewPage()
    {
        ClosePage();
        pageOpen = true;
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void Lines(string text, XFont font, double x, double width, double spaceAfter)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            Draw(Wrap(paragraph, font, width), font, x);
        y += spaceAfter;
    }

    private void Draw(List<string> lines, XFont font, double x)
    {
        var lineHeight = font.Size * LineGap;
        foreach (var line in lines)
        {
            if (y + lineHeight > Bottom) NewPage();
            graphics.DrawString(line, font, XBrushes.Black, x, y + font.Size);
            y += lineHeight;
        }
    }

    /// <summary>Greedy word wrap by measured width; a word wider than the line is broken between letters.</summary>
    private List<string> Wrap(string paragraph, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (Fits(candidate, font, width))
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0) lines.Add(current);
            current = word;
            while (!Fits(current, font, width) && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && !Fits(current[..cut], font, width)) cut--;
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        lines.Add(current);
        return lines;
    }

    private bool Fits(string text, XFont font, double width) => graphics.MeasureString(text, font).Width <= width;
}
