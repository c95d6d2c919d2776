using System.IO.Compression;
using IswPanel.Domain.Documents;
using IswPanel.Web.Infrastructure.Files;

namespace IswPanel.Web.Tests.Infrastructure.Files;

/// <summary>A file's type comes from its bytes, never its name.</summary>
public sealed class FileSnifferTests
{
    private static FileKind? Detect(byte[] content)
    {
        using var whole = new MemoryStream(content);
        return FileSniffer.Detect(content.AsSpan(0, Math.Min(content.Length, FileSniffer.HeadLength)), whole);
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public void A_pdf_is_a_pdf() => Assert.Equal(FileKind.Pdf, Detect(SampleFiles.Pdf));

    [Fact]
    public void A_png_is_a_png() => Assert.Equal(FileKind.Png, Detect(SampleFiles.Png));

    [Fact]
    public void A_jpeg_is_a_jpeg() => Assert.Equal(FileKind.Jpeg, Detect(SampleFiles.Jpeg));

    [Fact]
    public void A_zip_with_content_types_and_a_word_document_is_a_docx() =>
        Assert.Equal(FileKind.Docx, Detect(Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")));

    [Fact]
    public void A_plain_zip_is_not_a_docx() => Assert.Null(Detect(Zip("readme.txt", "data/figures.csv")));

    [Fact]
    public void A_zip_with_only_content_types_is_not_a_docx() => Assert.Null(Detect(Zip("[Content_Types].xml", "xl/workbook.xml")));

    [Fact]
    public void A_zip_cannot_be_called_a_docx_without_the_whole_file()
    {
        var docx = Zip("[Content_Types].xml", "word/document.xml");
        Assert.Null(FileSniffer.Detect(docx.AsSpan(0, FileSniffer.HeadLength), wholeFileForZip: null));
    }

    [Fact]
    public void A_broken_zip_is_nothing() => Assert.Null(Detect([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0x03]));

    [Fact]
    public void An_empty_file_is_nothing() => Assert.Null(Detect([]));

    [Fact]
    public void An_executable_is_nothing_whatever_it_is_called() => Assert.Null(Detect(SampleFiles.Executable));

    [Fact]
    public void Text_that_mentions_pdf_later_is_not_a_pdf() => Assert.Null(Detect("Hello %PDF-1.4"u8.ToArray()));

    [Fact]
    public void Detection_leaves_the_stream_where_it_was()
    {
        var docx = Zip("[Content_Types].xml", "word/document.xml");
        using var whole = new MemoryStream(docx) { Position = 3 };
        FileSniffer.Detect(docx.AsSpan(0, FileSniffer.HeadLength), whole);
        Assert.Equal(3, whole.Position);
    }
}
