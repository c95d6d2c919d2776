using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Infrastructure.Files;

/// <summary>
/// Uploads through a real form: the type is decided by content, the size limit gives the form's message (the
/// request limits let an oversized file reach the check), and accepted files are stored outside the web root
/// under generated names.
/// </summary>
public sealed class UploadsTests(DemoApp demo)
{
    private static readonly Dictionary<string, string> DbsAnswers = new()
    {
        ["Form.Reference"] = "001234567899",
        ["Form.IssuedOn.Day"] = "1",
        ["Form.IssuedOn.Month"] = "6",
        ["Form.IssuedOn.Year"] = "2026",
        ["Form.OnUpdateService"] = "True",
    };

    private static async Task<PageClient> SignedInAsync(IswPanelApp app, int isw)
    {
        var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Isw(isw), DemoUsers.Password);
        return client;
    }

    private static Task<int> StoredFileCount(IswPanelApp app) => app.WithDbAsync(db => db.StoredFiles.CountAsync());

    [Fact]
    public async Task A_renamed_executable_with_a_pdf_name_and_type_is_rejected()
    {
        using var client = await SignedInAsync(demo.App, 4);
        var before = await StoredFileCount(demo.App);

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers,
            new UploadedFile("Form.File", "certificate.pdf", "application/pdf", SampleFiles.Executable));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("The selected file must be a PDF, JPEG or PNG", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("The selected file must be a PDF, JPEG or PNG", page.QuerySelector("#Form_File-error")?.TextContent, StringComparison.Ordinal);
        // The other answers are kept.
        Assert.Equal("001234567899", page.QuerySelector("input[name='Form.Reference']")?.GetAttribute("value"));
        Assert.Equal(before, await StoredFileCount(demo.App));
    }

    [Fact]
    public async Task An_11_mb_pdf_reaches_the_check_and_gets_the_size_message()
    {
        using var client = await SignedInAsync(demo.App, 4);
        var before = await StoredFileCount(demo.App);

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers,
            SampleFiles.AsPdf(SampleFiles.PdfOfSize(11 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("The selected file must be smaller than 10 MB", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredFileCount(demo.App));
    }

    [Fact]
    public async Task A_request_too_large_to_read_sends_the_person_back_to_the_form_with_the_size_message()
    {
        using var client = await SignedInAsync(demo.App, 4);
        var before = await StoredFileCount(demo.App);

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers,
            SampleFiles.AsPdf(SampleFiles.PdfOfSize(40 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (path, final, page) = await client.FollowAsync(response);
        Assert.Equal("/my-evidence/dbs", path);
        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        Assert.Contains("The selected file must be smaller than 10 MB", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("The selected file must be smaller than 10 MB", page.QuerySelector("#Form_File-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredFileCount(demo.App));
    }

    [Fact]
    public async Task An_empty_file_is_rejected()
    {
        using var client = await SignedInAsync(demo.App, 4);

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers, SampleFiles.AsPdf([]));

        var page = await PageClient.ParseAsync(response);
        Assert.Contains("The selected file is empty", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dbs-certificate.pdf", "application/pdf")]
    [InlineData("scan.png", "image/png")]
    public async Task A_real_file_is_stored_outside_the_web_root_under_a_generated_name(string fileName, string contentType)
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await SignedInAsync(app, 4);
        var bytes = contentType == "application/pdf" ? SampleFiles.Pdf : SampleFiles.Png;

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers,
            new UploadedFile("Form.File", fileName, contentType, bytes));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (file, owner) = await app.WithDbAsync(async db =>
        {
            var profile = await db.IswProfiles.Include(p => p.Documents).SingleAsync(p => p.Email == DemoUsers.Isw(4));
            var dbs = profile.Document(ComplianceDocumentKind.EnhancedDbs)!;
            return (await db.StoredFiles.SingleAsync(f => f.Id == dbs.StoredFileId), profile.UserId);
        });
        Assert.Equal(fileName, file.OriginalName);
        Assert.Equal(owner, file.OwnerUserId);
        Assert.Equal(bytes.Length, file.Length);
        Assert.Matches("^2026/12/[0-9a-f]{32}$", file.StorageKey);

        var store = Assert.IsType<FileSystemFileStore>(app.Services.GetRequiredService<IFileStore>());
        var path = store.PathOf(file.StorageKey);
        var dataDirectory = Path.GetFullPath(app.Database.DataDirectory) + Path.DirectorySeparatorChar;
        var webRoot = Path.GetFullPath(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath);
        Assert.StartsWith(Path.Combine(dataDirectory, "files") + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.False(path.StartsWith(webRoot, StringComparison.Ordinal), $"{path} is under the web root {webRoot}.");
        Assert.NotEqual(fileName, Path.GetFileName(path));
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(fileName), path, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }
}
