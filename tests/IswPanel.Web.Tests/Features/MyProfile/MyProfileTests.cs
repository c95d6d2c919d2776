using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.MyProfile;

public sealed class MyProfileTests
{
    [Fact]
    public async Task Changing_the_registration_number_sends_it_back_for_verification_and_pauses_offers()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(3), DemoUsers.Password);

        var saved = await isw.PostFormAsync("/my-profile/registration", "/my-profile/registration", new Dictionary<string, string>
        {
            ["SweNumber"] = "SW4242",
            ["QualifiedOn.Day"] = "1", ["QualifiedOn.Month"] = "7", ["QualifiedOn.Year"] = "2017",
            ["WasActive"] = "true",
        });
        var (_, _, page) = await isw.FollowAsync(saved);

        Assert.Contains("You are paused from new offers", page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        var profile = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().Include(p => p.Documents).SingleAsync(p => p.FullName == "Sofia Kowalska"));
        Assert.Equal("SW4242", profile.SweNumber);
        Assert.Equal(PanelMemberStatus.Suspended, profile.Status);
        Assert.Equal(SuspensionCause.Compliance, profile.Suspension);
        Assert.False(profile.Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)!.IsVerified);
        Assert.False(profile.Document(ComplianceDocumentKind.Qualification)!.IsVerified);
    }

    [Fact]
    public async Task A_malformed_number_is_refused_and_the_answers_are_kept()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(3), DemoUsers.Password);

        var page = await PageClient.ParseAsync(await isw.PostFormAsync("/my-profile/registration", "/my-profile/registration", new Dictionary<string, string>
        {
            ["SweNumber"] = "SW0123",
            ["QualifiedOn.Day"] = "1", ["QualifiedOn.Month"] = "7", ["QualifiedOn.Year"] = "2099",
        }));

        var errors = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#SweNumber", "#QualifiedOn"], errors);
        Assert.Equal("SW0123", page.QuerySelector("#SweNumber")?.GetAttribute("value"));
        Assert.Equal("2099", page.QuerySelector("#QualifiedOn_Year")?.GetAttribute("value"));
        Assert.Equal(PanelMemberStatus.Active, await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Sofia Kowalska").Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Practice_details_change_at_once_and_bad_input_keeps_every_answer()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(3), DemoUsers.Password);
        var fields = new Dictionary<string, string>
        {
            ["Form.FullName"] = "Sofia Kowalska",
            ["Form.Phone"] = "07700 900123",
            ["Form.AssessmentTypes"] = "fostering",
            ["Form.Regions"] = "London",
            ["Form.HomePostcodeDistrict"] = "NOT A POSTCODE",
            ["Form.TravelRadiusMiles"] = "30",
            ["Form.Languages"] = "English, Polish",
            ["Form.Capacity"] = "2",
            ["Form.HourlyRate"] = "58.50",
        };

        var refused = await PageClient.ParseAsync(await isw.PostFormAsync("/my-profile/practice", "/my-profile/practice", fields));
        fields["Form.HomePostcodeDistrict"] = "RH2";
        var saved = await isw.PostFormAsync("/my-profile/practice", "/my-profile/practice", fields);

        Assert.Contains("Enter your home postcode district, like NE1 or SW1A.", refused.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("58.50", refused.QuerySelector("#Form_HourlyRate")?.GetAttribute("value"));
        Assert.NotNull(refused.QuerySelector("input[name='Form.AssessmentTypes'][value=fostering][checked]"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().SingleAsync(p => p.FullName == "Sofia Kowalska"));
        Assert.Equal(["fostering"], profile.AssessmentTypeCodes);
        Assert.Equal(2, profile.Capacity);
        Assert.Equal(58.50m, profile.HourlyRate);
        Assert.Equal(PanelMemberStatus.Active, profile.Status);
    }

    [Fact]
    public async Task An_overlapping_unavailable_period_is_refused()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(3), DemoUsers.Password);
        Dictionary<string, string> Period(int fromDay, int toDay) => new()
        {
            ["NewPeriod.From.Day"] = fromDay.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NewPeriod.From.Month"] = "1", ["NewPeriod.From.Year"] = "2027",
            ["NewPeriod.To.Day"] = toDay.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NewPeriod.To.Month"] = "1", ["NewPeriod.To.Year"] = "2027",
            ["NewPeriod.Reason"] = "Leave",
        };

        var first = await isw.PostFormAsync("/my-profile", "/my-profile/availability", Period(4, 15));
        var overlapping = await PageClient.ParseAsync(await isw.PostFormAsync("/my-profile", "/my-profile/availability", Period(15, 20)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("overlap", overlapping.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("20", overlapping.QuerySelector("#NewPeriod_To")?.GetAttribute("value"));
        var periods = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().Where(p => p.FullName == "Sofia Kowalska").Select(p => p.UnavailablePeriods).SingleAsync());
        Assert.Single(periods);
    }
}
