using System.Globalization;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>The request form's answers as a browser posts them, and helpers to read what was saved.</summary>
internal static class RequestForms
{
    /// <summary>The fake clock's UK date.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(IswPanelApp.DefaultNow.UtcDateTime);

    public static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales();

    /// <summary>A complete, valid parenting request for court (no letter: add one with the multipart post).</summary>
    public static Dictionary<string, string> Answers(string caseReference, DateOnly deadline, string intent = "Submit", string type = "parenting") => new()
    {
        ["Form.AssessmentType"] = type,
        ["Form.CaseReference"] = caseReference,
        ["Form.ChildInitials"] = "J.S.",
        ["Form.Parties[0].Role"] = "Mother",
        ["Form.Parties[0].Initials"] = "K.L.",
        ["Form.Parties[1].Role"] = "Father",
        ["Form.Parties[1].Initials"] = "M.N.",
        ["Form.Parties[2].Role"] = "",
        ["Form.Parties[2].Initials"] = "",
        ["Form.ForCourt"] = "True",
        ["Form.CourtName"] = "Family Court at Manchester",
        ["Form.CourtCaseNumber"] = "MA27C00042",
        ["Form.FilingDeadline.Day"] = deadline.Day.ToString(CultureInfo.InvariantCulture),
        ["Form.FilingDeadline.Month"] = deadline.Month.ToString(CultureInfo.InvariantCulture),
        ["Form.FilingDeadline.Year"] = deadline.Year.ToString(CultureInfo.InvariantCulture),
        ["Form.PostcodeDistrict"] = "M14",
        ["Form.Language"] = "Polish",
        ["Form.InterpreterNeeded"] = "true",
        ["Form.SpecialRequirements"] = AssessmentTypeCatalogue.PamsTrained,
        ["Form.OtherRequirements"] = "Signalong",
        ["Form.BudgetHours"] = "48",
        ["Form.Notes"] = "Parents live apart.",
        ["Form.Intent"] = intent,
    };

    /// <summary>Posts the form as multipart/form-data, with a letter of instruction unless told not to.</summary>
    public static async Task<HttpResponseMessage> PostAsync(PageClient client, string action, IReadOnlyDictionary<string, string> fields,
        bool withLetter = true, string formUrl = "/requests/new")
    {
        var files = withLetter ? new[] { ("Form.LetterOfInstruction", "Letter of instruction.pdf", PageClient.TinyPdf()) } : [];
        return await client.PostMultipartAsync(formUrl, action, fields, files);
    }

    /// <summary>The request id from the redirect to its page.</summary>
    public static Guid IdFromRedirect(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");
        return Guid.Parse(location.Split('/')[^1]);
    }

    public static Task<AssessmentRequest> RequestAsync(IswPanelApp app, string caseReference) =>
        app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.CaseReference == caseReference));

    public static Task<Guid> IdOf(IswPanelApp app, string caseReference) =>
        app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == caseReference).Select(r => r.Id).SingleAsync());

    /// <summary>The plan the domain works out for a parenting request submitted on the fake clock's date.</summary>
    public static Task<MilestonePlan> PlanAsync(IswPanelApp app, DateOnly deadline, string type = "parenting") =>
        app.WithDbAsync(async db =>
        {
            var t = await db.AssessmentTypes.AsNoTracking().SingleAsync(x => x.Code == type);
            return MilestonePlan.For(deadline, Today, t.MilestoneOffsets, t.TypicalWeeks, Calendar, t.Name);
        });

    public static Task<Guid> UserIdAsync(IswPanelApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
