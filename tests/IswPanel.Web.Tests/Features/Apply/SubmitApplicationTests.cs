using System.Net;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Apply;

/// <summary>The submit handler's refusals, and the answers document it reads.</summary>
public sealed class SubmitApplicationTests(ApplyApp fixture) : IClassFixture<ApplyApp>
{
    private IswPanelApp App => fixture.App;

    private async Task<Result<Guid>> SubmitAsApplicantAsync(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var handler = new SubmitApplication.Handler(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<UserManager<AppUser>>(),
            services.GetRequiredService<IEmailSender>(), services.GetRequiredService<PublicLinks>(), new FixedCurrentUser(userId, [Roles.Isw]),
            services.GetRequiredService<IClock>(), services.GetRequiredService<IAuditLog>());
        return await handler.Handle(new SubmitApplication.Command { Declaration = true }, CancellationToken.None);
    }

    [Fact]
    public async Task The_handler_refuses_a_second_submission()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "handler-twice@example.com", "Ola Nowak");
        await applicant.AnswerEverythingAsync("SW700001");
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync("/apply/check-answers", "/apply/submit", ("Declaration", "true"))).StatusCode);

        var again = await SubmitAsApplicantAsync(await applicant.UserIdAsync());

        Assert.Equal(ResultStatus.Conflict, again.Status);
        Assert.Equal(["You have already submitted your application."], again.Errors[""]);
    }

    [Fact]
    public async Task The_handler_lists_every_incomplete_section()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "handler-incomplete@example.com");
        await applicant.AnswerAsync("/apply/background", "/apply/employment", ("Background", "LocalAuthorityAndCafcass"));

        var result = await SubmitAsApplicantAsync(await applicant.UserIdAsync());

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(ApplicationSection.All.Where(s => s != ApplicationSection.Background).Select(s => s.Key).Order(), result.Errors.Keys.Order());
        Assert.False(await App.WithDbAsync(db => db.IswProfiles.AnyAsync(p => p.Email == applicant.Email)));
    }

    [Fact]
    public async Task A_social_work_england_number_already_on_the_panel_is_refused_at_submission()
    {
        var taken = await App.WithDbAsync(db => db.IswProfiles.Select(p => p.SweNumber).FirstAsync());
        using var applicant = await Applicant.ConfirmedAsync(App, "taken-number@example.com");
        await applicant.AnswerEverythingAsync(taken);

        var response = await applicant.PostAsync("/apply/check-answers", "/apply/submit", ("Declaration", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Social Work England number", page.ErrorSummary()["#registration"], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#registration"));
        Assert.False(await App.WithDbAsync(db => db.IswProfiles.AnyAsync(p => p.Email == applicant.Email)));
    }

    [Fact]
    public void The_answers_document_keeps_typed_values_and_names_enums()
    {
        var job = new ApplicationAnswers.Job(Guid.CreateVersion7(), Guid.CreateVersion7(), "Northshire County Council", "Social worker",
            EmploymentKind.AgencyOrLocum, new DateOnly(2019, 2, 1), null);
        var answers = new ApplicationAnswers
        {
            Registration = new("SW123", new DateOnly(2016, 2, 29)),
            Background = new(SocialWorkBackground.Cafcass),
            Employment = new([job], Confirmed: true),
            Area = new([EnglishRegion.London], "SE1", 10),
            Capacity = new(4, 52.5m),
        };

        var json = answers.Write();
        var read = ApplicationAnswers.Read(json);

        Assert.Contains("\"AgencyOrLocum\"", json, StringComparison.Ordinal);
        Assert.Contains("\"London\"", json, StringComparison.Ordinal);
        Assert.Equal(answers.Registration, read.Registration);
        Assert.Equal(job, Assert.Single(read.Employment!.Jobs));
        Assert.Equal([EnglishRegion.London], read.Area!.Regions);
        Assert.Equal(52.5m, read.Capacity!.HourlyRate);
        Assert.Null(read.Contact);
        Assert.Equal(SectionStatus.Completed, read.StatusOf(ApplicationSection.Employment));
        Assert.Equal(SectionStatus.NotStarted, read.StatusOf(ApplicationSection.Unavailability));
        Assert.Equal(new ApplicationAnswers().Incomplete().Count, ApplicationAnswers.Read("{}").Incomplete().Count);
    }
}
