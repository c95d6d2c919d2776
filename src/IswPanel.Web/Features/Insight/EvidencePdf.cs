using System.Globalization;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Insight.Charts;
using IswPanel.Web.Infrastructure.Pdf;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// The evidence pack as an A4 PDF: the three self-evaluation questions as headings and the figures beneath, in the
/// order of <see cref="EvidencePdfContent.Blocks"/> (the same order as the printable page), in IswPanel's PDF font.
/// </summary>
public sealed class EvidencePackPdf(PdfFonts fonts)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Why no PDF can be made on this server (no font found), or null.</summary>
    public string? Problem => fonts.Problem;

    public byte[] Render(EvidencePack.Pack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        fonts.EnsureRegistered();
        using var writer = new PdfTextWriter($"{pack.Authority}: evidence pack, {pack.Period.Display}", "Evidence of the quality and impact of practice");
        foreach (var block in EvidencePdfContent.Blocks(pack))
        {
            switch (block.Kind)
            {
                case EvidencePdfContent.Kind.Title:
                    writer.Heading(block.Text, 17);
                    break;
                case EvidencePdfContent.Kind.Question:
                    writer.Space(10);
                    writer.Heading(block.Text, 14);
                    break;
                case EvidencePdfContent.Kind.Section:
                    writer.Space(4);
                    writer.Heading(block.Text, 11.5);
                    break;
                case EvidencePdfContent.Kind.Figure:
                    writer.Figure(block.Text, block.Value ?? "");
                    break;
                default:
                    writer.Paragraph(block.Text);
                    break;
            }
        }

        writer.Space(10);
        writer.Small($"Produced by IswPanel on {pack.GeneratedAt.ToString("d MMMM yyyy", Uk)} from the panel's records.");
        return writer.ToBytes();
    }
}

/// <summary>What the PDF says, independent of the PDF library: headings, paragraphs and figure lines, in reading order.</summary>
public static class EvidencePdfContent
{
    public enum Kind
    {
        Title,
        Question,
        Section,
        Paragraph,
        Figure,
    }

    public sealed record Block(Kind Kind, string Text, string? Value = null);

    public static IReadOnlyList<Block> Blocks(EvidencePack.Pack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var blocks = new List<Block>
        {
            new(Kind.Title, $"{pack.Authority}: evidence of the quality and impact of practice"),
            new(Kind.Paragraph, $"From {pack.Period.Display}. Computed from the panel's records; no figure holds a child's or a family's details."),
            new(Kind.Question, EvidencePack.QuestionKnow),
        };
        string? section = null;
        foreach (var row in pack.Rows)
        {
            if (row.Section != section)
            {
                section = row.Section;
                blocks.Add(new Block(Kind.Section, section));
            }

            var label = row.Period == pack.Period.Key ? row.Figure : $"{row.Figure}, {row.Period}";
            blocks.Add(new Block(Kind.Figure, label, row.Value.Length == 0 ? "No data" : row.Value));
        }

        blocks.Add(new Block(Kind.Question, EvidencePack.QuestionHow));
        blocks.Add(new Block(Kind.Paragraph, $"Quality: {pack.FirstPass.Reviews} independent QA reviews against the rubric (each criterion scored 1 to 4) and {pack.Ratings.Count} ratings by the authority."));
        blocks.Add(new Block(Kind.Paragraph, $"Timeliness: {pack.OnTime.Released} released reports measured against the filing date in England and Wales working days, recorded at release."));
        blocks.Add(new Block(Kind.Paragraph, $"Capacity: {pack.Delegated.Assessments} requests submitted to the panel and {InsightCharts.Hours(pack.Delegated.Hours)} hours from the social workers' work logs that count towards invoices."));
        blocks.Add(new Block(Kind.Paragraph, $"Workforce development: {InsightCharts.Hours(pack.Shadowing.TotalHours)} hours of shadowing by junior staff ({string.Join(", ", pack.Shadowing.ByRole.Where(r => r.Minutes > 0).Select(r => r.Role.DisplayName()))})."));
        blocks.Add(new Block(Kind.Question, EvidencePack.QuestionPlans));
        if (pack.SavedPlan is { } plan)
        {
            foreach (var paragraph in plan.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                blocks.Add(new Block(Kind.Paragraph, paragraph));
        }
        else
        {
            blocks.Add(new Block(Kind.Paragraph, "No plan has been saved for this period."));
        }

        return blocks;
    }
}
