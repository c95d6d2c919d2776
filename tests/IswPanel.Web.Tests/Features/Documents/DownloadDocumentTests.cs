using System.Net;
using IswPanel.Domain.Documents;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Tests.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Documents;

/// <summary>
/// An uploaded file goes to its owner and to panel administrators, as an attachment that is never sniffed or
/// cached; anyone else is told it does not exist; every download is audited.
/// </summary>
public sealed class DownloadDocumentTests(DemoApp demo)
{
    /// <summary>Stores a file owned by the given demo ISW, as an upload would, and returns its id.</summary>
    private async Task<Guid> StoreFileOwnedByAsync(int isw, byte[] content, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = demo.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IswPanel.Data.AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var owner = await db.Users.Where(u => u.Email == DemoUsers.Isw(isw)).Select(u => u.Id).SingleAsync(ct);
        var key = $"2026/12/{Guid.NewGuid():N}";
        await store.SaveAsync(key, new MemoryStream(content), ct);
        var file = StoredFile.Record(owner, owner, DateTime.UtcNow, name, FileKind.Pdf, content.Length, "", key);
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    private async Task<HttpResponseMessage> DownloadAsAsync(string email, Guid id)
    {
        using var client = PageClient.For(demo.App);
        await client.SignInAsync(email, DemoUsers.Password);
        var response = await client.Http.GetAsync($"/documents/{id}");
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task The_owner_gets_the_exact_bytes_as_an_attachment_that_is_not_sniffed_or_cached()
    {
        var id = await StoreFileOwnedByAsync(1, SampleFiles.Pdf, "My DBS certificate.pdf");

        var response = await DownloadAsAsync(DemoUsers.Isw(1), id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleFiles.Pdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("My DBS certificate.pdf", (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store expected.");
    }

    [Fact]
    public async Task Another_isw_gets_404()
    {
        var id = await StoreFileOwnedByAsync(1, SampleFiles.Pdf, "evidence.pdf");

        var response = await DownloadAsAsync(DemoUsers.Isw(2), id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("%PDF", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commissioner_gets_404()
    {
        var id = await StoreFileOwnedByAsync(1, SampleFiles.Pdf, "evidence.pdf");

        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsAsync(DemoUsers.Northshire, id)).StatusCode);
    }

    [Fact]
    public async Task A_qa_reviewer_gets_404()
    {
        var id = await StoreFileOwnedByAsync(1, SampleFiles.Pdf, "evidence.pdf");

        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsAsync(DemoUsers.Qa, id)).StatusCode);
    }

    [Fact]
    public async Task A_panel_administrator_gets_the_file()
    {
        var id = await StoreFileOwnedByAsync(1, SampleFiles.Pdf, "evidence.pdf");

        var response = await DownloadAsAsync(DemoUsers.Admin, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleFiles.Pdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_404_even_for_an_administrator() =>
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsAsync(DemoUsers.Admin, Guid.NewGuid())).StatusCode);

    [Fact]
    public async Task Each_download_writes_one_audit_row_and_a_refused_one_writes_none()
    {
        var id = await StoreFileOwnedByAsync(1, SampleFiles.Pdf, "evidence.pdf");
        Task<int> AuditRows() => demo.App.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditActions.DocumentDownloaded && e.EntityId == id.ToString()));

        await DownloadAsAsync(DemoUsers.Isw(1), id);
        Assert.Equal(1, await AuditRows());

        await DownloadAsAsync(DemoUsers.Isw(2), id);
        Assert.Equal(1, await AuditRows());

        await DownloadAsAsync(DemoUsers.Admin, id);
        var rows = await demo.App.WithDbAsync(db => db.AuditEvents
            .Where(e => e.Action == AuditActions.DocumentDownloaded && e.EntityId == id.ToString()).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(nameof(StoredFile), r.EntityType));
        Assert.Equal(2, rows.Select(r => r.UserId).Distinct().Count());
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var id = await StoreFileOwnedByAsync(1, SampleFiles.Pdf, "evidence.pdf");
        using var client = PageClient.For(demo.App);

        var response = await client.Http.GetAsync($"/documents/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
