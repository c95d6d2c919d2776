using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Insight.Charts;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// Renders the evidence pack as a PDF: the three self-evaluation questions as headings and the figures beneath, as
/// the printable page shows them. Kept behind this interface so the PDF library (PDFsharp, with its font resolver)
/// is chosen in one place; until an implementation is registered, /authorities/{id}/evidence.pdf answers 404 and the
/// page offers no PDF link. An implementation lays out <see cref="EvidencePdfContent.Blocks"/> in order.
/// </summary>
public interface IEvidencePackPdf
{
    byte[] Render(EvidencePack.Pack pack);
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
