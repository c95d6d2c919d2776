using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Work;

/// <summary>
/// One app with the demo data for a test class whose tests change the work on assignments: each test uses its own
/// demo request, so they do not disturb each other or the shared <see cref="DemoApp"/>.
/// Demo assignments: NS-2026-0161 (viability, Assigned, isw1, 16 hours), NS-2026-0142 (parenting, In progress, isw1,
/// over budget in the demo log), NS-2026-0157 (In progress, isw7), NS-2026-0164 (In QA, isw2), SB/26/0311 (In progress,
/// isw3), SB/26/0318 (In progress, isw5), SB/26/0320 (Assigned, isw10), SB/26/0322 (In progress, isw8).
/// </summary>
public sealed class WorkApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

internal static class WorkScenario
{
    public static Task<Guid> IdOf(IswPanelApp app, string caseReference) =>
        app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == caseReference).Select(r => r.Id).SingleAsync());

    public static Task<Guid> AssignmentOf(IswPanelApp app, Guid requestId) =>
        app.WithDbAsync(db => db.Assignments.Where(a => a.AssessmentRequestId == requestId && a.IsActive).Select(a => a.Id).SingleAsync());

    public static Task<Guid> UserIdAsync(IswPanelApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<PageClient> SignedInAsync(IswPanelApp app, string email)
    {
        var client = PageClient.For(app);
        await client.SignInAsync(email, DemoUsers.Password);
        return client;
    }

    /// <summary>The log form's answers as a browser posts them.</summary>
    public static Dictionary<string, string> LogAnswers(DateOnly date, string kind = "HomeVisit", string hours = "2", string minutes = "0",
        string travelHours = "", string travelMinutes = "", string mileage = "", string whoSeen = "", string notes = "", string? intent = null)
    {
        var answers = new Dictionary<string, string>
        {
            ["Form.Date.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
            ["Form.Date.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
            ["Form.Date.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
            ["Form.Kind"] = kind,
            ["Form.DurationHours"] = hours,
            ["Form.DurationMinutes"] = minutes,
            ["Form.TravelHours"] = travelHours,
            ["Form.TravelMinutes"] = travelMinutes,
            ["Form.Mileage"] = mileage,
            ["Form.WhoSeen"] = whoSeen,
            ["Form.Notes"] = notes,
        };
        if (intent is not null) answers["Form.Intent"] = intent;
        return answers;
    }

    /// <summary>The smallest DOCX the content check accepts: a ZIP with [Content_Types].xml and word/document.xml.</summary>
    public static byte[] TinyDocx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A multipart body with the API's field <c>file</c>.</summary>
    public static MultipartFormDataContent FileBody(byte[] content, string fileName, string? note = null)
    {
        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "file", fileName);
        if (note is not null) body.Add(new StringContent(note), "noteToReviewer");
        return body;
    }
}
