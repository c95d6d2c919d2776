using System.IO.Compression;
using IswPanel.Domain.Documents;

namespace IswPanel.Web.Infrastructure.Files;

/// <summary>
/// What a file really is, from its first bytes (and, for a ZIP, its list of parts), never from its name or
/// the content type the browser sent: a renamed executable is not a PDF.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 8;

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> ZipLocalFile => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>
    /// The kind of file whose first bytes are <paramref name="head"/>, or null if it is none we accept. A ZIP
    /// is a DOCX only if it holds [Content_Types].xml and word/document.xml, which needs
    /// <paramref name="wholeFileForZip"/> (seekable; only its directory of parts is read). Without it a ZIP is null.
    /// </summary>
    public static FileKind? Detect(ReadOnlySpan<byte> head, Stream? wholeFileForZip)
    {
        if (head.StartsWith(Pdf)) return FileKind.Pdf;
        if (head.StartsWith(Png)) return FileKind.Png;
        if (head.StartsWith(Jpeg)) return FileKind.Jpeg;
        if (head.StartsWith(ZipLocalFile) && wholeFileForZip is not null && IsWordDocument(wholeFileForZip)) return FileKind.Docx;
        return null;
    }

    private static bool IsWordDocument(Stream zip)
    {
        if (!zip.CanSeek || !zip.CanRead) return false;
        var start = zip.Position;
        try
        {
            zip.Position = 0;
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            bool contentTypes = false, document = false;
            foreach (var entry in archive.Entries)
            {
                if (string.Equals(entry.FullName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase)) contentTypes = true;
                else if (string.Equals(entry.FullName, "word/document.xml", StringComparison.OrdinalIgnoreCase)) document = true;
            }
            return contentTypes && document;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            zip.Position = start;
        }
    }
}
