using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

public sealed class ComplianceWarningsTests
{
    private static Task<SweepReport> WarnAsync(IswPanelApp app) => RunAsync<WarnLapsingDocuments.Job>(app, (j, ct) => j.RunAsync(ct));

    [Theory]
    [InlineData(31, null)]
    [InlineData(30, 30)]
    [InlineData(15, 30)]
    [InlineData(14, 14)]
    [InlineData(8, 14)]
    [InlineData(7, 7)]
    [InlineData(1, 7)]
    [InlineData(0, null)]
    public void The_warning_due_is_the_nearest_point_reached(int daysUntilLapse, int? expected) =>
        Assert.Equal(expected, WarnLapsingDocuments.PointReached(daysUntilLapse, [30, 14, 7]));

    [Fact]
    public async Task The_member_and_the_administrators_are_warned_once_at_30_14_and_7_days_before_a_document_lapses()
    {
        // Ruth Mensah's DBS certificate is valid until 21 December 2026: it lapses on the 22nd.
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        const string ruthWarning = "Your enhanced DBS check lapses in";
        const string adminWarning = "Ruth Mensah's enhanced DBS check lapses in";

        // 1 December, 21 days before: the 30-day warning (its day passed before the demo began; it is sent now, once).
        var first = await WarnAsync(app);
        var again = await WarnAsync(app);
        Assert.Equal((1, 0), (first.Done, again.Found));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(5), "Your enhanced DBS check lapses in 21 days: it is valid until 21 December 2026."));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "Ruth Mensah's enhanced DBS check lapses in 21 days: it is valid until 21 December 2026."));

        foreach (var day in Enumerable.Range(2, 6)) // 2 to 7 December: nothing new
        {
            MoveTo(app, new DateOnly(2026, 12, day));
            await WarnAsync(app);
        }

        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(5), ruthWarning));

        MoveTo(app, new DateOnly(2026, 12, 8));
        await WarnAsync(app);
        await WarnAsync(app);
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(5), "lapses in 14 days"));

        MoveTo(app, new DateOnly(2026, 12, 15));
        await WarnAsync(app);
        MoveTo(app, new DateOnly(2026, 12, 16));
        await WarnAsync(app);
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(5), "lapses in 7 days"));

        MoveTo(app, new DateOnly(2026, 12, 22));
        Assert.Equal(0, (await WarnAsync(app)).Found); // lapsed: the suspension sweep's business now

        Assert.Equal(3, await MessagesAsync(app, DemoUsers.Isw(5), ruthWarning));
        Assert.Equal(3, await MessagesAsync(app, DemoUsers.Admin, adminWarning));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Isw(1), "lapses in"));
    }

    [Fact]
    public async Task A_renewed_document_with_a_new_expiry_date_is_warned_about_again()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        await SetDocumentAsync(app, "Olu Adeyemi", ComplianceDocumentKind.IndemnityInsurance, new DateOnly(2026, 12, 10));
        await WarnAsync(app);
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(10), "Your professional indemnity insurance lapses in 10 days: it is valid until 10 December 2026."));

        MoveTo(app, new DateOnly(2026, 12, 2));
        await SetDocumentAsync(app, "Olu Adeyemi", ComplianceDocumentKind.IndemnityInsurance, new DateOnly(2026, 12, 12));
        await WarnAsync(app);
        await WarnAsync(app);

        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(10), "lapses in 11 days: it is valid until 12 December 2026."));
        Assert.Equal(2, await MessagesAsync(app, DemoUsers.Admin, "Olu Adeyemi's professional indemnity insurance lapses in"));
    }
}
