using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.DemoData;

/// <summary>
/// The demo's work on assigned requests, so the case pages, the log and the QA queue are not empty: requests in
/// progress have a realistic log (one in Northshire runs over its budget, with hours waiting for approval); those in
/// QA have a report version; delivered and closed ones have an approved version (a small generated PDF, stored
/// through the same file storage as uploads), its QA review scored on every active rubric criterion, and are released.
/// </summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>The case whose log runs over its budget, so the commissioner has hours to approve.</summary>
    private const string OverBudgetCase = "NS-2026-0142";

    /// <summary>The case released late, so the delivery figures show lateness too.</summary>
    private const string LateCase = "SB/26/0290";

    private readonly List<(string Key, byte[] Content)> demoFiles = [];
    private readonly Dictionary<Guid, ReportVersion> demoVersions = [];
    private List<RubricCriterion> demoRubric = [];
    private Guid demoQaUserId;

    private async Task PrepareDemoWorkAsync()
    {
        demoRubric = await db.RubricCriteria.Where(c => c.IsActive).OrderBy(c => c.DisplayOrder).ToListAsync();
        demoQaUserId = (await users.FindByEmailAsync(DemoAccounts.Qa))?.Id ?? adminUserId;
    }

    private async Task SaveDemoReportFilesAsync()
    {
        foreach (var (key, content) in demoFiles)
        {
            await using var stream = new MemoryStream(content);
            await files.SaveAsync(key, stream, CancellationToken.None);
        }
    }

    /// <summary>Takes the request through a step with the work that goes with it; false for steps without any.</summary>
    private bool SeedDemoWork(AssessmentRequestStatus step, AssessmentRequest request, Assignment assignment, IswProfile isw, DateTime created)
    {
        switch (step)
        {
            case AssessmentRequestStatus.InProgress:
                request.MoveTo(step, created.AddDays(3));
                return true;
            case AssessmentRequestStatus.InQa:
            {
                var submittedOn = SubmittedOn(request);
                LogDemoWork(request, assignment, isw, created, submittedOn, withReportWriting: true);
                var version = SubmitDemoVersion(request, assignment, isw, At(submittedOn, 16));
                request.SendToQa(version.SubmittedAt);
                return true;
            }
            case AssessmentRequestStatus.Delivered:
                ReleaseDemoVersion(request);
                return true;
            default:
                return false;
        }
    }

    /// <summary>After the path: a request still in progress gets its log (the others got theirs with the report).</summary>
    private void SeedDemoLogInProgress(AssessmentRequest request, Assignment? assignment, IswProfile? isw, DateTime created)
    {
        if (request.Status != AssessmentRequestStatus.InProgress || assignment is null || isw is null) return;
        LogDemoWork(request, assignment, isw, created, today, withReportWriting: false);
    }

    private void LogDemoWork(AssessmentRequest request, Assignment assignment, IswProfile isw, DateTime created, DateOnly lastDay, bool withReportWriting)
    {
        var child = $"child ({request.ChildInitials})";
        var sessions = new List<(WorkKind Kind, int Minutes, string? Seen, int Travel, decimal Miles, string? Notes)>
        {
            (WorkKind.Preparation, 180, null, 0, 0m, "Read the bundle and the letter of instruction."),
            (WorkKind.HomeVisit, 120, $"Mother (A.B.), {child}", 50, 22.4m, "First visit: introductions and the assessment explained."),
            (WorkKind.Observation, 90, $"Mother (A.B.) and {child}", 50, 22.4m, "Observed contact at the family centre."),
            (WorkKind.Interview, 90, "Father (C.D.)", 35, 14m, null),
            (WorkKind.Virtual, 60, "Health visitor (professional)", 0, 0m, "Video call."),
            (WorkKind.HomeVisit, 120, $"Mother (A.B.), Father (C.D.), {child}", 50, 22.4m, null),
        };
        if (withReportWriting) sessions.Add((WorkKind.ReportWriting, 360, null, 0, 0m, "Analysis and first draft."));
        if (request.CaseReference == OverBudgetCase)
        {
            // Enough further sessions to run past the budget: the last ones wait for the commissioner.
            for (var i = 0; i < 7; i++)
                sessions.Add(i % 2 == 0
                    ? (WorkKind.Observation, 360, $"Mother (A.B.) and {child}", 50, 22.4m, "Extended observation directed by the court.")
                    : (WorkKind.ReportWriting, 360, null, 0, 0m, null));
        }

        var day = calendar.NextWorkingDayOnOrAfter(DateOnly.FromDateTime(created).AddDays(3));
        var counted = 0;
        foreach (var (kind, minutes, seen, travel, miles, notes) in sessions)
        {
            var date = day > lastDay ? lastDay : day;
            var loggedAt = At(date, 18);
            var entry = WorkLogEntry.Log(request.Id, assignment.Id, isw.Id, date, kind, minutes, seen, travel, miles, notes,
                today, loggedAt > now ? now : loggedAt, counted, request.BudgetHours);
            if (entry.Counts) counted += entry.TotalMinutes;
            db.WorkLogEntries.Add(entry);
            day = calendar.AddWorkingDays(day, 1);
        }
    }

    private ReportVersion SubmitDemoVersion(AssessmentRequest request, Assignment assignment, IswProfile isw, DateTime at)
    {
        var content = DemoReportPdf($"{request.CaseReference}: assessment report (demo)");
        var key = string.Create(CultureInfo.InvariantCulture, $"{at:yyyy}/{at:MM}/{Guid.NewGuid():N}");
        var file = StoredFile.Record(null, isw.UserId, at, $"{request.CaseReference.Replace('/', '-')} report v1.pdf", FileKind.Pdf,
            content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), key);
        db.StoredFiles.Add(file);
        demoFiles.Add((key, content));

        var version = ReportVersion.Submit(request.Id, assignment.Id, isw.Id, 1, file.Id, "First full draft.", isw.UserId, at);
        db.ReportVersions.Add(version);
        db.RequestEvents.Add(RequestEvent.Record(request.Id, at, isw.UserId, $"Report version 1 submitted to QA ({file.OriginalName})."));
        demoVersions[request.Id] = version;
        return version;
    }

    /// <summary>QA approves version 1 (scoring every active criterion) and the report is released to the authority.</summary>
    private void ReleaseDemoVersion(AssessmentRequest request)
    {
        var version = demoVersions[request.Id];
        var releasedOn = ReleasedOn(request);
        var decidedAt = At(releasedOn, 11);
        var scores = demoRubric.Select((c, i) => new RubricScore(c.Id, c.Name, i % 3 == 0 ? 3 : 4,
            i % 3 == 0 ? "Sound; could say more about the child's own words." : null)).ToList();
        var review = QaReview.Record(version, demoQaUserId, reviewerIsAuthor: false, QaDecision.Approve,
            "Clear, well-evidenced analysis. Approved for release.", scores, decidedAt,
            calendar.WorkingDaysBetween(DateOnly.FromDateTime(version.SubmittedAt), releasedOn));
        db.QaReviews.Add(review);
        version.Approve(decidedAt);
        version.Release(decidedAt);
        var late = Math.Max(0, calendar.WorkingDaysBetween(request.FilingDeadline, releasedOn));
        request.Release(version.Id, late, decidedAt);
        db.RequestEvents.Add(RequestEvent.Record(request.Id, decidedAt, demoQaUserId, "QA approved version 1; the report was released to the authority."));
    }

    /// <summary>Delivered and closed reports went to QA a week before release; the rest went yesterday.</summary>
    private DateOnly SubmittedOn(AssessmentRequest request) =>
        request.FilingDeadline < today
            ? calendar.AddWorkingDays(ReleasedOn(request), -5)
            : calendar.AddWorkingDays(today, -1);

    private DateOnly ReleasedOn(AssessmentRequest request)
    {
        var on = calendar.AddWorkingDays(request.FilingDeadline, request.CaseReference == LateCase ? 2 : -3);
        var yesterday = calendar.AddWorkingDays(today, -1);
        return on > yesterday ? yesterday : on;
    }

    private DateTime At(DateOnly date, int hour)
    {
        var at = date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
        return at > now ? now : at;
    }

    /// <summary>A one-page PDF saying what it is, with a correct cross-reference table.</summary>
    private static byte[] DemoReportPdf(string title)
    {
        var text = title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var stream = $"BT /F1 18 Tf 72 720 Td ({text}) Tj 0 -28 Td /F1 12 Tf (Fictional demonstration data. Not a real assessment.) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
