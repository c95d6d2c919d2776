using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Qa;

/// <summary>
/// Assignments, report versions, reviews and log entries made straight through the domain and the DbContext, as the
/// ISW's case page, upload and QA pages would make them.
/// </summary>
internal static class WorkScenario
{
    public const string Northshire = "Northshire County Council";
    public const string Southborough = "Southborough City Council";

    public sealed record Assigned(Guid RequestId, Guid AssignmentId, Guid IswId, Guid IswUserId, string CaseReference);

    public static DateTime Now(IswPanelApp app) => app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A submitted request, offered to and accepted by ISW number <paramref name="isw"/>, work started (In progress).</summary>
    public static async Task<Assigned> AssignedAsync(IswPanelApp app, int isw, string caseReference, string typeCode = "viability",
        string authority = Northshire, DateOnly? deadline = null, bool atRisk = false, decimal rate = 60m, int? budgetHours = 60)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planner = scope.ServiceProvider.GetRequiredService<MilestonePlanner>();
        var type = await db.AssessmentTypes.SingleAsync(t => t.Code == typeCode);
        var authorityId = await db.Authorities.Where(a => a.Name == authority).Select(a => a.Id).SingleAsync();
        var commissioner = await db.Users.Where(u => u.AuthorityId == authorityId).Select(u => u.Id).FirstAsync();
        var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
        var profile = await (from p in db.IswProfiles join u in db.Users on p.UserId equals u.Id where u.Email == DemoUsers.Isw(isw) select p).SingleAsync();
        var now = Now(app);
        var due = deadline ?? new DateOnly(2027, 3, 1);
        var request = AssessmentRequest.CreateDraft(authorityId, new Domain.Assessments.RequestDetails(type.Id, caseReference, "T.K.", [new RequestParty("Mother", "R.K.")],
            true, "Family Court", "MA27C00001", due, "BB2", null, false, type.RequiredSkill is { } s ? [s] : [], budgetHours, null, null), commissioner, now);
        var plan = planner.Plan(type, due, DateOnly.FromDateTime(now));
        request.Submit(MilestonePlanner.Stored(plan), atRisk || plan.AtRisk, atRisk ? Math.Max(1, plan.ShortfallWorkingDays) : plan.ShortfallWorkingDays, now);
        request.MarkOffered(now);
        var offer = Offer.Send(request.Id, profile.Id, admin, now, 2, now.AddDays(3), cascade: false);
        offer.Accept(now);
        var assignment = Assignment.FromAcceptedOffer(offer, now, rate);
        request.Assign(profile.Id, now);
        request.StartWork(now);
        db.AssessmentRequests.Add(request);
        db.Offers.Add(offer);
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return new Assigned(request.Id, assignment.Id, profile.Id, profile.UserId, caseReference);
    }

    /// <summary>Version <paramref name="number"/> uploaded (a tiny PDF in the file store) and sent to QA.</summary>
    public static async Task<Guid> SubmitVersionAsync(IswPanelApp app, Assigned a, int number, string? note = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var now = Now(app);
        var bytes = PageClient.TinyPdf();
        var key = $"test/{Guid.NewGuid():N}";
        using (var content = new MemoryStream(bytes)) await store.SaveAsync(key, content, CancellationToken.None);
        var file = StoredFile.Record(a.IswUserId, a.IswUserId, now, $"report-v{number}.pdf", FileKind.Pdf, bytes.Length, new string('0', 64), key);
        db.StoredFiles.Add(file);
        var version = ReportVersion.Submit(a.RequestId, a.AssignmentId, a.IswId, number, file.Id, note, a.IswUserId, now);
        db.ReportVersions.Add(version);
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == a.RequestId);
        request.SendToQa(now);
        await db.SaveChangesAsync();
        return version.Id;
    }

    public static async Task<IReadOnlyList<(Guid Id, string Name)>> CriteriaAsync(IswPanelApp app) =>
        await app.WithDbAsync(async db => (await db.RubricCriteria.Where(c => c.IsActive).OrderBy(c => c.DisplayOrder)
            .Select(c => new { c.Id, c.Name }).ToListAsync()).Select(c => (c.Id, c.Name)).ToList());

    /// <summary>A review recorded directly (for histories): every criterion scored <paramref name="score"/>.</summary>
    public static async Task ReviewAsync(IswPanelApp app, Guid versionId, QaDecision decision, int score, int workingDaysLate = 0,
        string reviewer = DemoUsers.Qa)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now(app);
        var reviewerId = await db.Users.Where(u => u.Email == reviewer).Select(u => u.Id).SingleAsync();
        var version = await db.ReportVersions.SingleAsync(v => v.Id == versionId);
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == version.AssessmentRequestId);
        var scores = await db.RubricCriteria.Where(c => c.IsActive).Select(c => new RubricScore(c.Id, c.Name, score, null)).ToListAsync();
        db.QaReviews.Add(QaReview.Record(version, reviewerId, false, decision, decision == QaDecision.Return ? "Say more about the child." : null,
            scores, now, 1));
        if (decision == QaDecision.Return)
        {
            version.Return(now);
            request.ReturnFromQa(now);
        }
        else
        {
            version.Approve(now);
            version.Release(now);
            request.Release(version.Id, workingDaysLate, now);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The authority's feedback on a released request (which closes it).</summary>
    public static async Task RateAsync(IswPanelApp app, Assigned a, int quality, int timeliness, int communication)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now(app);
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == a.RequestId);
        var commissioner = await db.Users.Where(u => u.AuthorityId == request.AuthorityId).Select(u => u.Id).FirstAsync();
        db.AssessmentFeedback.Add(AssessmentFeedback.Give(a.RequestId, a.IswId, quality, timeliness, communication, null, commissioner, now));
        request.Close(now);
        await db.SaveChangesAsync();
    }

    /// <summary>A delivered assessment: version 1 approved (first pass), or returned and version 2 approved.</summary>
    public static async Task<Assigned> DeliveredAsync(IswPanelApp app, int isw, string caseReference, bool firstPass, int workingDaysLate,
        int score, string authority = Northshire, string typeCode = "viability")
    {
        var a = await AssignedAsync(app, isw, caseReference, typeCode, authority);
        var v1 = await SubmitVersionAsync(app, a, 1);
        if (firstPass)
        {
            await ReviewAsync(app, v1, QaDecision.Approve, score, workingDaysLate);
            return a;
        }

        await ReviewAsync(app, v1, QaDecision.Return, score);
        var v2 = await SubmitVersionAsync(app, a, 2);
        await ReviewAsync(app, v2, QaDecision.Approve, score, workingDaysLate);
        return a;
    }

    /// <summary>A log entry on the assignment, with approval worked out from the hours already counting and the budget.</summary>
    public static async Task<WorkLogEntry> LogAsync(IswPanelApp app, Assigned a, DateOnly date, int minutes, int travelMinutes, decimal miles,
        bool approveIfOverBudget = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now(app);
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == a.RequestId);
        var counted = (await db.WorkLogEntries.Where(e => e.AssignmentId == a.AssignmentId
                && (e.Approval == HoursApproval.WithinBudget || e.Approval == HoursApproval.Approved))
            .Select(e => e.DurationMinutes + e.TravelMinutes).ToListAsync()).Sum();
        var entry = WorkLogEntry.Log(a.RequestId, a.AssignmentId, a.IswId, date, WorkKind.HomeVisit, minutes, "Mother (RK)", travelMinutes, miles,
            null, DateOnly.FromDateTime(now), now, counted, request.BudgetHours);
        if (approveIfOverBudget && entry.Approval == HoursApproval.AwaitingApproval)
        {
            var commissioner = await db.Users.Where(u => u.AuthorityId == request.AuthorityId).Select(u => u.Id).FirstAsync();
            entry.Approve(commissioner, now);
        }

        db.WorkLogEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    public static Task<Guid> UserIdAsync(IswPanelApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<List<string>> NotificationsAsync(IswPanelApp app, string email) =>
        app.WithDbAsync(db => (from n in db.Notifications join u in db.Users on n.UserId equals u.Id where u.Email == email select n.Text).ToListAsync());
}
