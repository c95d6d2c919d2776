using System.Globalization;
using IswPanel.Domain.Documents;

namespace IswPanel.Web.Infrastructure.Files;

/// <summary>
/// What a kind of upload may be: which real types (decided by content), how large, and how the types are
/// described in an error message ("The selected file must be a PDF, JPEG or PNG").
/// </summary>
public sealed record UploadPolicy(IReadOnlySet<FileKind> Kinds, long MaxBytes, string Description)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>Evidence files (certificates, policies, letters): 10 MB.</summary>
    public const long EvidenceMaxBytes = 10 * Megabyte;

    /// <summary>Reports: 20 MB.</summary>
    public const long ReportMaxBytes = 20 * Megabyte;

    /// <summary>
    /// The request-size limits for actions that take an evidence file: a little above the file limit (the other
    /// fields and the multipart framing), so a file just over it still reaches the check and gets the friendly message.
    /// </summary>
    public const long EvidenceRequestLimit = EvidenceMaxBytes + 5 * Megabyte;

    /// <summary>The request-size limits for actions that take a report.</summary>
    public const long ReportRequestLimit = ReportMaxBytes + 5 * Megabyte;

    /// <summary>PDF, JPEG or PNG, up to 10 MB.</summary>
    public static UploadPolicy Evidence { get; } =
        new(new HashSet<FileKind> { FileKind.Pdf, FileKind.Jpeg, FileKind.Png }, EvidenceMaxBytes, "a PDF, JPEG or PNG");

    /// <summary>PDF or DOCX, up to 20 MB.</summary>
    public static UploadPolicy Report { get; } =
        new(new HashSet<FileKind> { FileKind.Pdf, FileKind.Docx }, ReportMaxBytes, "a PDF or DOCX");

    /// <summary>"10 MB": the limit as people read it.</summary>
    public string MaxSizeText => MaxBytes % Megabyte == 0
        ? $"{(MaxBytes / Megabyte).ToString(CultureInfo.InvariantCulture)} MB"
        : $"{(MaxBytes / (double)Megabyte).ToString("0.#", CultureInfo.InvariantCulture)} MB";

    /// <summary>The file input's accept attribute: a hint for the browser's picker, never a check.</summary>
    public string Accept => string.Join(',', Kinds.Order().Select(k => k switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg,.jpeg",
        FileKind.Png => ".png",
        FileKind.Docx => ".docx",
        _ => "",
    }));

    public string TooLargeMessage => $"The selected file must be smaller than {MaxSizeText}";

    public string WrongTypeMessage => $"The selected file must be {Description}";
}
