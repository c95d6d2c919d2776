using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Apply;

/// <summary>
/// A social worker applies through the pages from the start page to the confirmation panel, on each database
/// the app supports, and the answers become a panel profile under review.
/// </summary>
public sealed class ApplyJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_social_worker_applies_from_the_start_page_to_a_profile_under_review(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var northshire = await app.WithDbAsync(db => db.Authorities.Where(a => a.Name == "Northshire County Council").Select(a => a.Id).SingleAsync());
        using var applicant = new Applicant(app, "rosa.lindgren@example.com", "Rosa Lindgren");

        // The landing page leads to the start page, which says who can apply.
        var (_, landing) = await applicant.Client.GetPageAsync("/");
        Assert.NotNull(landing.QuerySelector("a[href='/apply']"));
        var (startResponse, start) = await applicant.Client.GetPageAsync("/apply");
        Assert.Equal(HttpStatusCode.OK, startResponse.StatusCode);
        Assert.Equal("Apply to join the panel", start.Heading());
        Assert.Contains("Social Work England", start.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("permanent employee", start.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(start.QuerySelector("a.govuk-button--start[href='/apply/create-account']"));

        // Create an account: an unconfirmed Isw user with an empty application, and a confirmation email.
        var created = await applicant.CreateAccountAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, _, checkEmail) = await applicant.Client.FollowAsync(created);
        Assert.Equal("Check your email", checkEmail.Heading());
        Assert.Contains(applicant.Email, checkEmail.Body!.TextContent, StringComparison.Ordinal);
        var userId = await applicant.UserIdAsync();
        var account = await app.WithDbAsync(async db => new
        {
            User = await db.Users.SingleAsync(u => u.Id == userId),
            IsIsw = await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Isw)),
            Applications = await db.PanelApplications.CountAsync(a => a.UserId == userId),
        });
        Assert.False(account.User.EmailConfirmed);
        Assert.Equal("Rosa Lindgren", account.User.DisplayName);
        Assert.Equal(IswPanelApp.DefaultNow.UtcDateTime, account.User.CreatedAt);
        Assert.True(account.IsIsw);
        Assert.Equal(1, account.Applications);
        var confirmation = applicant.LatestEmail(ApplicantMail.ConfirmSubject);
        Assert.DoesNotContain("Rosa", confirmation.Subject, StringComparison.Ordinal);

        // The emailed link confirms the address, signs the applicant in and starts the questions.
        var confirmed = await applicant.Client.Http.GetAsync(applicant.ConfirmationLink());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/apply/contact", confirmed.Headers.Location?.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync()));

        var (_, contactPage) = await applicant.Client.GetPageAsync("/apply/contact");
        Assert.Equal("Rosa Lindgren", contactPage.ValueOf("#FullName"));
        Assert.Equal("/apply", contactPage.QuerySelector("a.govuk-back-link")?.GetAttribute("href"));

        await applicant.AnswerAsync("/apply/contact", "/apply/registration", ("FullName", "Rosa M Lindgren"), ("Phone", "07700 900 982"));
        await applicant.AnswerAsync("/apply/registration", "/apply/background",
            ("SweNumber", "sw98765"), ("QualifiedOn.Day", "15"), ("QualifiedOn.Month", "3"), ("QualifiedOn.Year", "2014"));
        await applicant.AnswerAsync("/apply/background", "/apply/employment", ("Background", "LocalAuthority"));

        // Employment history: a permanent job at a client authority (chosen from the list) and a current locum job elsewhere.
        var (_, addJob) = await applicant.Client.GetPageAsync("/apply/employment/add");
        Assert.NotNull(addJob.QuerySelector($"#Form_Employer option[value='{northshire}']"));
        await applicant.AnswerAsync("/apply/employment/add", "/apply/employment",
            ("Form.Employer", northshire.ToString()), ("Form.OtherEmployerName", ""), ("Form.Role", "Senior practitioner"), ("Form.Kind", "Permanent"),
            ("Form.StartedOn.Day", "1"), ("Form.StartedOn.Month", "4"), ("Form.StartedOn.Year", "2014"),
            ("Form.EndedOn.Day", "30"), ("Form.EndedOn.Month", "9"), ("Form.EndedOn.Year", "2024"));
        await applicant.AnswerAsync("/apply/employment/add", "/apply/employment",
            ("Form.Employer", EmploymentHistory.AnotherEmployer), ("Form.OtherEmployerName", "Hartwell Social Work Agency"),
            ("Form.Role", "Independent social worker"), ("Form.Kind", "AgencyOrLocum"),
            ("Form.StartedOn.Day", "1"), ("Form.StartedOn.Month", "10"), ("Form.StartedOn.Year", "2024"),
            ("Form.EndedOn.Day", ""), ("Form.EndedOn.Month", ""), ("Form.EndedOn.Year", ""), ("Form.StillWorkHere", "true"));
        var (_, jobs) = await applicant.Client.GetPageAsync("/apply/employment");
        Assert.Equal(["Hartwell Social Work Agency", "Northshire County Council"],
            jobs.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()));
        await applicant.AnswerAsync("/apply/employment", "/apply/skills");

        await applicant.AnswerAsync("/apply/skills", "/apply/area",
            ("Form.AssessmentTypeCodes", "parenting"), ("Form.AssessmentTypeCodes", "parenting-pams"),
            ("Form.SpecialSkills", "PAMS-trained"), ("Form.SpecialSkills", "Court expert witness"), ("Form.OtherSkills", "Life story work, Signalong"));
        await applicant.AnswerAsync("/apply/area", "/apply/languages",
            ("Regions", "NorthWest"), ("Regions", "NorthEast"), ("PostcodeDistrict", "ne1"), ("TravelRadiusMiles", "40"));
        var (_, languages) = await applicant.Client.GetPageAsync("/apply/languages");
        Assert.Equal("English", languages.ValueOf("#Languages"));
        await applicant.AnswerAsync("/apply/languages", "/apply/capacity", ("Languages", "English, Polish"));
        var (_, capacity) = await applicant.Client.GetPageAsync("/apply/capacity");
        Assert.Equal("4", capacity.ValueOf("#ConcurrentAssessments"));
        await applicant.AnswerAsync("/apply/capacity", "/apply/unavailability", ("ConcurrentAssessments", "3"), ("HourlyRate", "52.50"));

        await applicant.AnswerAsync("/apply/unavailability/add", "/apply/unavailability",
            ("From.Day", "20"), ("From.Month", "12"), ("From.Year", "2026"), ("To.Day", "3"), ("To.Month", "1"), ("To.Year", "2027"), ("Reason", "Annual leave"));
        await applicant.AnswerAsync("/apply/unavailability", "/apply/check-answers");

        // Check answers: every section, the computed PQE, and "Change" links that come back here.
        var (_, tasks) = await applicant.Client.GetPageAsync("/apply");
        Assert.All(ApplicationSection.All, s => Assert.Equal("Completed", tasks.QuerySelector($"#{s.Key}-status")?.TextContent.Trim()));
        var (_, check) = await applicant.Client.GetPageAsync("/apply/check-answers");
        var rows = check.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("12 years", rows["Post-qualifying experience"]);
        Assert.Equal("SW98765", rows["Social Work England number"]);
        Assert.Equal("15 March 2014", rows["Date you qualified"]);
        Assert.Equal("£52.50", rows["Hourly rate"]);
        Assert.Equal("North East, North West", rows["Regions"]);
        Assert.Contains("Senior practitioner, permanent, 1 April 2014 to 30 September 2024", rows["Northshire County Council"], StringComparison.Ordinal);
        Assert.NotNull(check.QuerySelector("a[href='/apply/languages?returnTo=check']"));
        await applicant.AnswerAsync("/apply/languages?returnTo=check", "/apply/check-answers", ("Languages", "English, Polish, Welsh"));

        // Submit: a profile under review, built from the answers.
        var submitted = await applicant.PostAsync("/apply/check-answers", "/apply/submit", ("Declaration", "true"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var (path, confirmationResponse, confirmationPage) = await applicant.Client.FollowAsync(submitted);
        Assert.Equal("/apply/submitted", path);
        Assert.Equal(HttpStatusCode.OK, confirmationResponse.StatusCode);
        Assert.Equal("Application submitted", confirmationPage.QuerySelector(".govuk-panel__title")?.TextContent.Trim());
        Assert.Equal("Upload your evidence and name your referees", confirmationPage.QuerySelector("#main-content a[href='/my-evidence']")?.TextContent.Trim());

        var profile = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking()
            .Include(p => p.EmploymentHistory).Include(p => p.UnavailablePeriods).Include(p => p.History)
            .SingleAsync(p => p.UserId == userId));
        Assert.Equal(PanelMemberStatus.UnderReview, profile.Status);
        Assert.Equal("Rosa M Lindgren", profile.FullName);
        Assert.Equal(applicant.Email, profile.Email);
        Assert.Equal("07700 900 982", profile.Phone);
        Assert.Equal("SW98765", profile.SweNumber);
        Assert.Equal(new DateOnly(2014, 3, 15), profile.QualifiedOn);
        Assert.Equal(SocialWorkBackground.LocalAuthority, profile.Background);
        Assert.Equal(["parenting", "parenting-pams"], profile.AssessmentTypeCodes.Order());
        Assert.Equal(["Court expert witness", "Life story work", "PAMS-trained", "Signalong"], profile.Skills.Order());
        Assert.Equal([EnglishRegion.NorthEast, EnglishRegion.NorthWest], profile.RegionsCovered.Order());
        Assert.Equal(["English", "Polish", "Welsh"], profile.Languages);
        Assert.Equal("NE1", profile.HomePostcodeDistrict);
        Assert.Equal(40, profile.TravelRadiusMiles);
        Assert.Equal(3, profile.Capacity);
        Assert.Equal(52.50m, profile.HourlyRate);

        Assert.Equal(2, profile.EmploymentHistory.Count);
        var permanent = profile.EmploymentHistory.Single(e => e.Kind == EmploymentKind.Permanent);
        Assert.Equal(northshire, permanent.AuthorityId);
        Assert.Equal("Northshire County Council", permanent.EmployerName);
        Assert.Equal(new DateOnly(2014, 4, 1), permanent.StartedOn);
        Assert.Equal(new DateOnly(2024, 9, 30), permanent.EndedOn);
        var locum = profile.EmploymentHistory.Single(e => e.Kind == EmploymentKind.AgencyOrLocum);
        Assert.Null(locum.AuthorityId);
        Assert.Equal("Hartwell Social Work Agency", locum.EmployerName);
        Assert.Null(locum.EndedOn);

        var period = Assert.Single(profile.UnavailablePeriods);
        Assert.Equal((new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 3), "Annual leave"), (period.From, period.To, period.Reason));

        var transition = Assert.Single(profile.History);
        Assert.Equal((PanelMemberStatus.Applicant, PanelMemberStatus.UnderReview, userId),
            (transition.From, transition.To, transition.ActorUserId));

        var application = await app.WithDbAsync(db => db.PanelApplications.AsNoTracking().SingleAsync(a => a.UserId == userId));
        Assert.Equal(profile.Id, application.IswProfileId);
        Assert.NotNull(application.SubmittedAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ApplicationSubmitted && e.EntityId == profile.Id.ToString())));
        Assert.Contains("/my-evidence", applicant.LatestEmail(ApplicantMail.SubmittedSubject).TextBody, StringComparison.Ordinal);

        // A second submit is refused: the applicant is sent to their evidence, and nothing new is created.
        var again = await applicant.PostAsync("/apply/submitted", "/apply/submit", ("Declaration", "true"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ApplyController.EvidencePath, again.Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.IswProfiles.CountAsync(p => p.UserId == userId)));
    }
}
