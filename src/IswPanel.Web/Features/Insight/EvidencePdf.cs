namespace IswPanel.Web.Features.Insight;

/// <summary>
/// Renders the evidence pack as a PDF: the three self-evaluation questions as headings and the figures beneath, as
/// the printable page shows them. Kept behind this interface so the PDF library (PDFsharp, with its font resolver)
/// is chosen in one place.
/// </summary>
public interface IEvidencePackPdf
{
    byte[] Render(EvidencePack.Pack pack);
}
