using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using static IswPanel.Web.Tests.Features.ShadowingReports.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

/// <summary>PDFsharp needs a TrueType font from the machine: found in the system folders, or said clearly when missing.</summary>
public sealed class PdfFontsTests
{
    private static PdfFonts Fonts(string? directory) => new(Options.Create(new PdfOptions { FontDirectory = directory }));

    [Fact]
    public void The_system_font_folders_have_a_font_for_pdfs()
    {
        // CI and the Docker image install fonts-liberation; a developer machine without fonts fails here, on purpose.
        var fonts = Fonts(null);

        Assert.Null(fonts.Problem);
        Assert.True(File.Exists(fonts.Files!.Regular));
        Assert.True(File.Exists(fonts.Files!.Bold));
    }

    [Fact]
    public async Task A_font_folder_without_a_font_is_reported_with_what_to_do()
    {
        var empty = Directory.CreateTempSubdirectory("iswpanel-no-fonts-");
        try
        {
            var fonts = Fonts(empty.FullName);
            var health = await new PdfFontsHealthCheck(fonts).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

            Assert.Null(fonts.Files);
            Assert.StartsWith($"No TrueType font (.ttf) was found in Pdf:FontDirectory \"{empty.FullName}\".", fonts.Problem, StringComparison.Ordinal);
            Assert.Contains("fonts-liberation", fonts.Problem, StringComparison.Ordinal);
            Assert.Equal(HealthStatus.Degraded, health.Status);
            Assert.Equal(fonts.Problem, health.Description);
            Assert.Throws<InvalidOperationException>(fonts.EnsureRegistered);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_font_folder_with_any_truetype_font_is_used()
    {
        var system = Fonts(null).Files!;
        var folder = Directory.CreateTempSubdirectory("iswpanel-fonts-");
        try
        {
            var copy = Path.Combine(folder.FullName, "nested", "SomeFace.ttf");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(system.Regular, copy);

            Assert.Equal(new PdfFontFiles(copy, copy), Fonts(folder.FullName).Files);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_font_the_pdf_answers_503_with_the_reason_and_the_page_still_works()
    {
        var empty = Directory.CreateTempSubdirectory("iswpanel-no-fonts-");
        try
        {
            await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite,
                new Dictionary<string, string?> { ["Pdf:FontDirectory"] = empty.FullName });
            await ClearAsync(app);
            var shadower = await ShadowerAsync(app, Northshire, "Dee Rowe", "dee.rowe@northshire.gov.uk", ShadowerRole.Asye, null);
            using var commissioner = await SignedInAsync(app, DemoUsers.Northshire);

            var pdf = await commissioner.Http.GetAsync($"/shadowing/shadowers/{shadower}/summary.pdf", TestContext.Current.CancellationToken);
            var (page, _) = await commissioner.GetPageAsync($"/shadowing/shadowers/{shadower}/summary");
            using var anonymous = app.CreateClient();
            var ready = await anonymous.GetStringAsync("/health/ready", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
            Assert.Contains("No TrueType font", await pdf.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("Degraded", ready);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
