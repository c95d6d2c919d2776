using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

/// <summary>
/// Shadowing records made straight in the database with the domain's factory methods, as the shadowing workflow
/// would make them: a Shadower account and record, a nomination on one of the authority's assignments, accepted,
/// the family's consent, attended sessions with reflections and comments.
/// </summary>
public static class ShadowingScenario
{
    public const string Northshire = "Northshire County Council";
    public const string Southborough = "Southborough City Council";

    /// <summary>The day the scenario's nominations were made and consented to: sessions from then on can be attended.</summary>
    public static readonly DateOnly ConsentedOn = new(2026, 1, 5);

    public sealed record Attended(Guid SessionId, Guid RequestId, string AssessmentType);

    /// <summary>Removes any shadowing records (demo data may bring some), so the tests' figures are theirs alone.</summary>
    public static Task<int> ClearAsync(IswPanelApp app) =>
        app.WithDbAsync(async db =>
        {
            await db.ShadowedSessions.ExecuteDeleteAsync();
            await db.ShadowingNominations.ExecuteDeleteAsync();
            return await db.Shadowers.ExecuteDeleteAsync();
        });

    public static Task<Guid> AuthorityIdAsync(IswPanelApp app, string name) =>
        app.WithDbAsync(db => db.Authorities.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    /// <summary>A Shadower account (password <see cref="DemoUsers.Password"/>, no authority on the account) and its record.</summary>
    public static async Task<Guid> ShadowerAsync(IswPanelApp app, string authority, string fullName, string email, ShadowerRole role,
        string? sweNumber, DateOnly? staffSince = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = fullName, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Shadower)).Succeeded);

        var authorityId = await db.Authorities.Where(a => a.Name == authority).Select(a => a.Id).SingleAsync();
        var commissioner = await db.Users.Where(u => u.AuthorityId == authorityId).Select(u => u.Id).FirstAsync();
        var shadower = Shadower.Record(authorityId, user.Id, fullName, role, email, sweNumber, staffSince ?? ConsentedOn, now, commissioner);
        db.Shadowers.Add(shadower);
        await db.SaveChangesAsync();
        return shadower.Id;
    }

    /// <summary>
    /// The shadower attends a session of the <paramref name="assignment"/>-th active assignment of their authority (in a
    /// fixed order), logged by its ISW on <paramref name="date"/>; nominated, accepted and consented to the first time.
    /// </summary>
    public static async Task<Attended> AttendAsync(IswPanelApp app, Guid shadowerId, int assignment, DateOnly date, int minutes, WorkKind kind,
        string? reflection, string? comment = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var shadower = await db.Shadowers.SingleAsync(s => s.Id == shadowerId);
        var chosen = (await (
                from a in db.Assignments
                where a.IsActive
                join r in db.AssessmentRequests on a.AssessmentRequestId equals r.Id
                where r.AuthorityId == shadower.AuthorityId
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new { AssignmentId = a.Id, RequestId = r.Id, a.IswProfileId, Type = t.Name, r.CaseReference })
            .ToListAsync())
            .OrderBy(a => a.CaseReference, StringComparer.Ordinal).ToList()[assignment];

        var nomination = await db.ShadowingNominations.SingleOrDefaultAsync(n => n.AssignmentId == chosen.AssignmentId && n.ShadowerId == shadowerId);
        if (nomination is null)
        {
            var nominatedAt = ConsentedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            nomination = ShadowingNomination.Nominate(shadower, shadower.AuthorityId, chosen.RequestId, chosen.AssignmentId, chosen.IswProfileId,
                "Seeing how an independent assessment is planned and carried out.", nominatedAt, shadower.RecordedByUserId);
            nomination.Accept(nominatedAt);
            nomination.RecordConsent(true, ConsentedOn, today, nominatedAt);
            db.ShadowingNominations.Add(nomination);
        }

        var entry = WorkLogEntry.Log(chosen.RequestId, chosen.AssignmentId, chosen.IswProfileId, date, kind, minutes, "Mother (A.B.)", 0, 0m, null,
            today, now, countedMinutesSoFar: 0, budgetHours: null);
        db.WorkLogEntries.Add(entry);
        var session = ShadowedSession.Attend(nomination, shadower.Role, entry.Id, date, minutes, entry.IsSession, [], 1, now);
        if (reflection is not null) session.Reflect(nomination, reflection, now);
        if (comment is not null) session.Comment(comment, now);
        db.ShadowedSessions.Add(session);
        await db.SaveChangesAsync();
        return new Attended(session.Id, chosen.RequestId, chosen.Type);
    }

    public static async Task<PageClient> SignedInAsync(IswPanelApp app, string email)
    {
        var client = PageClient.For(app);
        await client.SignInAsync(email, DemoUsers.Password);
        return client;
    }

    public static Task<int> AuditCountAsync(IswPanelApp app, string action, Guid entityId) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == action && e.EntityId == entityId.ToString()));

    public static IReadOnlyList<string> Errors(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];
}
