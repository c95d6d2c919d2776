using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// What every use case on an assignment shares: finding the signed-in ISW's own active assignment (anyone
/// else's looks absent), the log with its running total, and hours as people read them.
/// </summary>
public static class CaseWork
{
    /// <summary>The request and the active assignment, when the signed-in user is the assigned ISW; otherwise null.</summary>
    public static async Task<(AssessmentRequest Request, Assignment Assignment)?> FindMineAsync(AppDbContext db, ICurrentUser me,
        Guid requestId, bool track, CancellationToken cancellationToken)
    {
        if (!me.IsInRole(Roles.Isw) || me.IswProfileId is not { } iswId) return null;
        var requests = track ? db.AssessmentRequests : db.AssessmentRequests.AsNoTracking();
        var request = await requests.VisibleTo(me)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.AssignedIswId == iswId && r.Status != AssessmentRequestStatus.Cancelled, cancellationToken);
        if (request is null) return null;
        var assignments = track ? db.Assignments : db.Assignments.AsNoTracking();
        var assignment = await assignments
            .FirstOrDefaultAsync(a => a.AssessmentRequestId == requestId && a.IswProfileId == iswId && a.IsActive, cancellationToken);
        return assignment is null ? null : (request, assignment);
    }

    /// <summary>The request of an assignment, by the assignment's id (the API's address), for its ISW only.</summary>
    public static async Task<Guid?> RequestOfMyAssignmentAsync(AppDbContext db, ICurrentUser me, Guid assignmentId, CancellationToken cancellationToken)
    {
        if (!me.IsInRole(Roles.Isw) || me.IswProfileId is not { } iswId) return null;
        return await db.Assignments.AsNoTracking()
            .Where(a => a.Id == assignmentId && a.IswProfileId == iswId && a.IsActive)
            .Select(a => (Guid?)a.AssessmentRequestId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Minutes that count on a request: within the budget, or approved beyond it (work and travel).</summary>
    public static async Task<int> CountedMinutesAsync(AppDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        await db.WorkLogEntries.AsNoTracking()
            .Where(e => e.AssessmentRequestId == requestId && (e.Approval == HoursApproval.WithinBudget || e.Approval == HoursApproval.Approved))
            .SumAsync(e => e.DurationMinutes + e.TravelMinutes, cancellationToken);

    /// <summary>One line of the log, with the counted total up to and including it.</summary>
    public sealed record LogRow(Guid Id, DateOnly Date, WorkKind Kind, int DurationMinutes, string? WhoSeen, int TravelMinutes,
        decimal MileageMiles, string? Notes, HoursApproval Approval, string? ApprovalNote, int RunningCountedMinutes)
    {
        public int TotalMinutes => DurationMinutes + TravelMinutes;
    }

    /// <summary>What the log adds up to: counted, waiting for the commissioner, refused, against the budget.</summary>
    public sealed record Hours(int CountedMinutes, int AwaitingMinutes, int RefusedMinutes, int? BudgetHours)
    {
        public int? RemainingMinutes => BudgetHours is { } budget ? budget * 60 - CountedMinutes : null;
    }

    /// <summary>The request's log in the order it happened, with a running total of the hours that count.</summary>
    public static async Task<(IReadOnlyList<LogRow> Rows, Hours Hours)> LogAsync(AppDbContext db, Guid requestId, int? budgetHours,
        CancellationToken cancellationToken)
    {
        var entries = await db.WorkLogEntries.AsNoTracking()
            .Where(e => e.AssessmentRequestId == requestId)
            .OrderBy(e => e.Date).ThenBy(e => e.LoggedAt)
            .ToListAsync(cancellationToken);
        var running = 0;
        var rows = new List<LogRow>(entries.Count);
        foreach (var e in entries)
        {
            if (e.Counts) running += e.TotalMinutes;
            rows.Add(new LogRow(e.Id, e.Date, e.Kind, e.DurationMinutes, e.WhoSeen, e.TravelMinutes, e.MileageMiles, e.Notes,
                e.Approval, e.ApprovalNote, running));
        }

        var hours = new Hours(running,
            entries.Where(e => e.Approval == HoursApproval.AwaitingApproval).Sum(e => e.TotalMinutes),
            entries.Where(e => e.Approval == HoursApproval.Refused).Sum(e => e.TotalMinutes),
            budgetHours);
        return (rows, hours);
    }

    /// <summary>"3 hours 30 minutes", "45 minutes", "0 hours".</summary>
    public static string Duration(int minutes) => minutes switch
    {
        0 => "0 hours",
        < 0 => "minus " + ShadowingTime.Describe(-minutes),
        _ => ShadowingTime.Describe(minutes),
    };

    /// <summary>Decimal hours for the API: 210 minutes is 3.5.</summary>
    public static decimal DecimalHours(int minutes) => decimal.Round(minutes / 60m, 2);

    public static string DisplayName(this WorkKind kind) => kind switch
    {
        WorkKind.HomeVisit => "Home visit",
        WorkKind.Observation => "Observation",
        WorkKind.Interview => "Interview",
        WorkKind.Virtual => "Virtual session",
        WorkKind.ReportWriting => "Report writing",
        WorkKind.Preparation => "Reading and preparation",
        _ => "Other work",
    };

    public static string DisplayName(this HoursApproval approval) => approval switch
    {
        HoursApproval.WithinBudget => "Within budget",
        HoursApproval.AwaitingApproval => "Awaiting approval",
        HoursApproval.Approved => "Approved",
        _ => "Refused",
    };

    public static string DisplayName(this ReportVersionStatus status) => status switch
    {
        ReportVersionStatus.InQa => "In QA",
        ReportVersionStatus.Returned => "Returned",
        _ => "Approved",
    };
}
