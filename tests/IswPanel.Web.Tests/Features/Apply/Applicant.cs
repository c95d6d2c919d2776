using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace IswPanel.Web.Tests.Features.Apply;

/// <summary>
/// Someone applying to join the panel through the pages: a cookie-keeping client, forms posted the way a
/// browser posts them (a ticked group of checkboxes sends the same name several times), and the emails
/// IswPanel wrote to them.
/// </summary>
internal sealed partial class Applicant(IswPanelApp app, string email, string name) : IDisposable
{
    public const string Password = "a long and memorable applicant password";

    public PageClient Client { get; } = PageClient.For(app);
    public string Email { get; } = email;
    public string Name { get; } = name;

    /// <summary>Creates the account and confirms the email from the emailed link: signed in, at the first question.</summary>
    public static async Task<Applicant> ConfirmedAsync(IswPanelApp app, string email, string name = "Rosa Lindgren")
    {
        var applicant = await CreatedAsync(app, email, name);
        var confirmed = await applicant.Client.Http.GetAsync(applicant.ConfirmationLink());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(ApplicationSection.Contact.Path, confirmed.Headers.Location?.OriginalString);
        return applicant;
    }

    /// <summary>Creates the account only: the email is not confirmed and nobody is signed in.</summary>
    public static async Task<Applicant> CreatedAsync(IswPanelApp app, string email, string name = "Rosa Lindgren")
    {
        var applicant = new Applicant(app, email, name);
        var created = await applicant.CreateAccountAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/apply/check-your-email?reference=", created.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return applicant;
    }

    public Task<HttpResponseMessage> CreateAccountAsync(string? password = null) =>
        PostAsync("/apply/create-account", "/apply/create-account",
            ("FullName", Name), ("Email", Email), ("Password", password ?? Password), ("ConfirmPassword", password ?? Password));

    /// <summary>GETs <paramref name="formUrl"/> for its antiforgery token, then posts the fields (a name may repeat).</summary>
    public async Task<HttpResponseMessage> PostAsync(string formUrl, string action, params (string Name, string Value)[] fields)
    {
        var (_, page) = await Client.GetPageAsync(formUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formUrl}.");
        var body = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await Client.Http.PostAsync(action, new FormUrlEncodedContent(body));
    }

    /// <summary>Answers a question page (the form is on the same address) and expects to be sent on to <paramref name="next"/>.</summary>
    public async Task AnswerAsync(string path, string next, params (string Name, string Value)[] fields)
    {
        var response = await PostAsync(path.Split('?')[0], path, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await PageClient.ParseAsync(response);
            Assert.Fail($"POST {path} answered {(int)response.StatusCode}: {page.QuerySelector(".govuk-error-summary")?.TextContent.Trim()}");
        }

        Assert.Equal(next, response.Headers.Location?.OriginalString);
    }

    /// <summary>Answers every question page with good answers (a locum job, no unavailable dates), ending on the check-answers page.</summary>
    public async Task AnswerEverythingAsync(string sweNumber)
    {
        await AnswerAsync("/apply/contact", "/apply/registration", ("FullName", Name), ("Phone", "07700 900 982"));
        await AnswerAsync("/apply/registration", "/apply/background",
            ("SweNumber", sweNumber), ("QualifiedOn.Day", "1"), ("QualifiedOn.Month", "9"), ("QualifiedOn.Year", "2015"));
        await AnswerAsync("/apply/background", "/apply/employment", ("Background", "Cafcass"));
        await AnswerAsync("/apply/employment/add", "/apply/employment",
            ("Form.Employer", EmploymentHistory.AnotherEmployer), ("Form.OtherEmployerName", "Cafcass"), ("Form.Role", "Family court adviser"),
            ("Form.Kind", "Permanent"), ("Form.StartedOn.Day", "1"), ("Form.StartedOn.Month", "9"), ("Form.StartedOn.Year", "2015"),
            ("Form.StillWorkHere", "true"));
        await AnswerAsync("/apply/employment", "/apply/skills");
        await AnswerAsync("/apply/skills", "/apply/area", ("Form.AssessmentTypeCodes", "viability"));
        await AnswerAsync("/apply/area", "/apply/languages", ("Regions", "London"), ("PostcodeDistrict", "SE1"), ("TravelRadiusMiles", "15"));
        await AnswerAsync("/apply/languages", "/apply/capacity", ("Languages", "English"));
        await AnswerAsync("/apply/capacity", "/apply/unavailability", ("ConcurrentAssessments", "4"), ("HourlyRate", "48"));
        await AnswerAsync("/apply/unavailability", "/apply/check-answers");
    }

    public async Task<HttpResponseMessage> SignOutAsync() => await PostAsync("/apply", "/account/sign-out");

    public Task<HttpResponseMessage> SignInAsync() => Client.SignInAsync(Email, Password);

    /// <summary>The link in the latest confirmation email sent to this applicant.</summary>
    public string ConfirmationLink() => ConfirmLink().Match(LatestEmail(ApplicantMail.ConfirmSubject).TextBody ?? "").Value;

    public IReadOnlyList<MimeMessage> Emails()
    {
        var folder = Path.Combine(app.Database.DataDirectory, "mail");
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.GetFiles(folder, "*.eml")
            .OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, Email, StringComparison.OrdinalIgnoreCase)))];
    }

    public MimeMessage LatestEmail(string subject) =>
        Emails().LastOrDefault(m => m.Subject == subject) ?? throw new InvalidOperationException($"No email \"{subject}\" to {Email}.");

    public Task<Guid> UserIdAsync() => app.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.Id).SingleAsync());

    public async Task<ApplicationAnswers> AnswersAsync()
    {
        var userId = await UserIdAsync();
        return ApplicationAnswers.Read(await app.WithDbAsync(db => db.PanelApplications.Where(a => a.UserId == userId).Select(a => a.Answers).SingleAsync()));
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex(@"https?://\S+/apply/confirm-email\?\S+")]
    private static partial Regex ConfirmLink();
}

/// <summary>Reading GOV.UK pages in assertions.</summary>
internal static class GovukPage
{
    /// <summary>The error summary's links: href → message.</summary>
    public static Dictionary<string, string> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent.Trim());

    public static IReadOnlyList<string> ErrorSummaryMessages(this IDocument page) =>
        [.. page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];

    public static string? ValueOf(this IDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("value");

    public static string? InlineError(this IDocument page, string id) =>
        page.QuerySelector($"#{id}-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim();

    public static string Heading(this IDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? "";
}
