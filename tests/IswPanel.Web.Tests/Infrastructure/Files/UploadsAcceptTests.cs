using System.IO.Compression;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Security;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Infrastructure.Files;

/// <summary>
/// <see cref="Uploads"/> on its own, as other use cases call it: each policy's kinds, the row added but not
/// saved (the command's unit of work saves it), and an accepted upload undone when the command fails.
/// </summary>
public sealed class UploadsAcceptTests(DemoApp demo)
{
    private static FormFile FormFile(byte[] content, string name) =>
        new FormFile(new MemoryStream(content), 0, content.Length, "File", name);

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return buffer.ToArray();
    }

    private async Task RunAsync(Func<Uploads, AppDbContext, IFileStore, Guid, Task> test)
    {
        await using var scope = demo.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var store = services.GetRequiredService<IFileStore>();
        var uploads = new Uploads(db, store, services.GetRequiredService<IClock>(), new FixedCurrentUser(admin, [Roles.PanelAdmin]));
        await test(uploads, db, store, admin);
    }

    [Fact]
    public Task A_docx_is_a_report_but_not_evidence() => RunAsync(async (uploads, db, _, _) =>
    {
        var ct = TestContext.Current.CancellationToken;
        var asEvidence = await uploads.AcceptAsync(FormFile(Docx(), "report.docx"), UploadPolicy.Evidence, null, ct);
        Assert.False(asEvidence.Accepted);
        Assert.Equal("The selected file must be a PDF, JPEG or PNG", asEvidence.Error);

        var asReport = await uploads.AcceptAsync(FormFile(Docx(), "report.docx"), UploadPolicy.Report, null, ct);
        Assert.True(asReport.Accepted, asReport.Error);
        Assert.Equal(FileKind.Docx, asReport.File!.Kind);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", asReport.File.ContentType);
        await uploads.DiscardAsync(asReport.File, ct);

        var png = await uploads.AcceptAsync(FormFile(SampleFiles.Png, "scan.png"), UploadPolicy.Report, null, ct);
        Assert.Equal("The selected file must be a PDF or DOCX", png.Error);
    });

    [Fact]
    public Task An_accepted_file_is_added_to_the_unit_of_work_but_not_saved() => RunAsync(async (uploads, db, store, admin) =>
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await uploads.AcceptAsync(FormFile(SampleFiles.Pdf, "letter.pdf"), UploadPolicy.Evidence, admin, ct);

        var file = Assert.IsType<StoredFile>(outcome.File);
        Assert.Null(outcome.Error);
        Assert.Equal(EntityState.Added, db.Entry(file).State);
        Assert.False(await demo.App.WithDbAsync(other => other.StoredFiles.AnyAsync(f => f.Id == file.Id)));
        Assert.Equal(admin, file.OwnerUserId);
        Assert.Equal(admin, file.UploadedByUserId);
        Assert.Equal(SampleFiles.Pdf.Length, file.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Pdf)), file.Sha256);
        await using (var stored = await store.OpenReadAsync(file.StorageKey, ct))
        {
            Assert.True(stored.Length > 0);
        }

        // The command failed after all: the row is forgotten and the bytes deleted.
        await uploads.DiscardAsync(file, ct);
        Assert.Equal(EntityState.Detached, db.Entry(file).State);
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(file.StorageKey, ct));
    });

    [Fact]
    public Task No_file_an_empty_file_and_a_too_large_file_are_refused_in_words_for_the_form() => RunAsync(async (uploads, _, _, _) =>
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("Select a file", (await uploads.AcceptAsync(null, UploadPolicy.Evidence, null, ct)).Error);
        Assert.Equal("The selected file is empty", (await uploads.AcceptAsync(FormFile([], "empty.pdf"), UploadPolicy.Evidence, null, ct)).Error);
        var large = SampleFiles.PdfOfSize((int)UploadPolicy.EvidenceMaxBytes + 1);
        Assert.Equal("The selected file must be smaller than 10 MB", (await uploads.AcceptAsync(FormFile(large, "big.pdf"), UploadPolicy.Evidence, null, ct)).Error);
        var exactly = SampleFiles.PdfOfSize((int)UploadPolicy.EvidenceMaxBytes);
        var accepted = await uploads.AcceptAsync(FormFile(exactly, "just-fits.pdf"), UploadPolicy.Evidence, null, ct);
        Assert.True(accepted.Accepted, accepted.Error);
        await uploads.DiscardAsync(accepted.File!, ct);
    });
}
