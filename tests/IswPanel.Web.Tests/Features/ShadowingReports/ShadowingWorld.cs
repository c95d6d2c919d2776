using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using static IswPanel.Web.Tests.Features.ShadowingReports.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

/// <summary>
/// One app with three shadowers, read by the summary and hours tests (which change nothing but the audit trail):
/// Asha (Northshire, ASYE) attended 60 + 90 + 75 minutes in September, October and November 2026 on two assessment
/// types; Ben (Northshire, NQSW) 45 minutes in November; Cara (Southborough, student) 60 minutes in November.
/// </summary>
public sealed class ShadowingWorld : IAsyncLifetime
{
    public const string AshaEmail = "asha.patel@northshire.gov.uk";
    public const string BenEmail = "ben.clarke@northshire.gov.uk";
    public const string CaraEmail = "cara.jones@southborough.gov.uk";

    public const string FirstReflection = "Seeing the social worker explain the assessment to the mother showed me how to be clear and kind.";
    public const string FirstComment = "Good notes on how the mother responded; bring them to supervision.";
    public const string LongClosing = "Closing thought: curiosity matters more than the questionnaire.";

    /// <summary>Long enough (with its twin) to run the PDF onto a second page.</summary>
    public static readonly string LongReflection =
        string.Join(" ", Enumerable.Repeat("I noticed how the social worker listened before asking the next question.", 45)) + " " + LongClosing;

    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");
    public Guid Asha { get; private set; }
    public Guid Ben { get; private set; }
    public Guid Cara { get; private set; }
    public Guid Northshire { get; private set; }
    public Guid Southborough { get; private set; }
    public IReadOnlyList<Attended> AshaSessions { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        await ClearAsync(app);
        Northshire = await AuthorityIdAsync(app, ShadowingScenario.Northshire);
        Southborough = await AuthorityIdAsync(app, ShadowingScenario.Southborough);

        Asha = await ShadowerAsync(app, ShadowingScenario.Northshire, "Asha Patel", AshaEmail, ShadowerRole.Asye, "SW900001");
        Ben = await ShadowerAsync(app, ShadowingScenario.Northshire, "Ben Clarke", BenEmail, ShadowerRole.Nqsw, null);
        Cara = await ShadowerAsync(app, ShadowingScenario.Southborough, "Cara Jones", CaraEmail, ShadowerRole.Student, null);

        AshaSessions =
        [
            await AttendAsync(app, Asha, 0, new DateOnly(2026, 9, 14), 60, WorkKind.Interview, LongReflection),
            await AttendAsync(app, Asha, 0, new DateOnly(2026, 10, 5), 90, WorkKind.HomeVisit, FirstReflection, FirstComment),
            await AttendAsync(app, Asha, 1, new DateOnly(2026, 11, 12), 75, WorkKind.Observation, LongReflection),
        ];
        await AttendAsync(app, Ben, 1, new DateOnly(2026, 11, 20), 45, WorkKind.Virtual, "Video calls need more structure than visits.");
        await AttendAsync(app, Cara, 0, new DateOnly(2026, 11, 3), 60, WorkKind.HomeVisit, "My first home visit.");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
