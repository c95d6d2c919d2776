using System.Net.Http.Headers;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Infrastructure.Files;

/// <summary>A file in a multipart form post, as a browser sends it: the field, the name it had on disk, the type it claimed.</summary>
public sealed record UploadedFile(string FieldName, string FileName, string ContentType, byte[] Content);

/// <summary>Multipart form posts (file uploads) with the antiforgery token read from the form's page.</summary>
public static class MultipartForms
{
    public static async Task<HttpResponseMessage> PostMultipartAsync(this PageClient client, string formUrl, string action,
        IReadOnlyDictionary<string, string> fields, UploadedFile? file = null)
    {
        var (_, page) = await client.GetPageAsync(formUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formUrl}.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (file is not null)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }
        return await client.Http.PostAsync(action, content);
    }
}

/// <summary>Small real files of each kind, and things that only pretend to be one.</summary>
public static class SampleFiles
{
    /// <summary>A complete one-page PDF.</summary>
    public static byte[] Pdf { get; } = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>The start of a JPEG (SOI and a JFIF APP0 marker).</summary>
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];

    /// <summary>A Windows executable's first bytes ("MZ" and the DOS stub's message).</summary>
    public static byte[] Executable { get; } =
        [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. "This program cannot be run in DOS mode."u8];

    /// <summary>A PDF of <paramref name="bytes"/> bytes: the header, then padding.</summary>
    public static byte[] PdfOfSize(int bytes)
    {
        var content = new byte[bytes];
        Array.Fill(content, (byte)' ');
        "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }

    public static UploadedFile AsPdf(byte[] content, string fileName = "certificate.pdf") =>
        new("Form.File", fileName, "application/pdf", content);
}
