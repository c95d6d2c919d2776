using System.Globalization;
using System.Text;
using System.Text.Json;
using IswPanel.Domain.Calendar;
using IswPanel.Testing;

// Not "...Features.Calendar": a namespace of that name would hide RequestForms.Calendar from the request tests beside it.
namespace IswPanel.Web.Tests.Features.Calendars;

/// <summary>GOV.UK bank-holidays files for the upload tests, and an app of their own for the tests that change nothing.</summary>
internal static class GovUkFiles
{
    /// <summary>England and Wales 2029 as GOV.UK will list it (Easter Sunday is 1 April 2029).</summary>
    public static readonly BankHoliday[] Holidays2029 =
    [
        new(new DateOnly(2029, 1, 1), "New Year’s Day"),
        new(new DateOnly(2029, 3, 30), "Good Friday"),
        new(new DateOnly(2029, 4, 2), "Easter Monday"),
        new(new DateOnly(2029, 5, 7), "Early May bank holiday"),
        new(new DateOnly(2029, 5, 28), "Spring bank holiday"),
        new(new DateOnly(2029, 8, 27), "Summer bank holiday"),
        new(new DateOnly(2029, 12, 25), "Christmas Day"),
        new(new DateOnly(2029, 12, 26), "Boxing Day"),
    ];

    /// <summary>The shipped years from <paramref name="fromYear"/> on, plus 2029, with Scotland's division beside them as in GOV.UK's file.</summary>
    public static byte[] Through2029(int fromYear = 2021) =>
        File(BankHolidays.EnglandAndWales().Holidays.Where(h => h.Date.Year >= fromYear).Concat(Holidays2029));

    /// <summary>A file in GOV.UK's format: {"england-and-wales": {"division": ..., "events": [...]}, "scotland": ...}.</summary>
    public static byte[] File(IEnumerable<BankHoliday> holidays, string division = BankHolidays.EnglandAndWalesDivision)
    {
        static object Events(IEnumerable<BankHoliday> list) => list.Select(h => new
        {
            title = h.Title,
            date = h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            notes = h.Notes,
            bunting = true,
        }).ToArray();

        var file = new Dictionary<string, object>
        {
            [division] = new { division, events = Events(holidays) },
            ["scotland"] = new { division = "scotland", events = Events([new BankHoliday(new DateOnly(2029, 1, 2), "2nd January")]) },
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(file));
    }
}

/// <summary>An app of its own for tests that must not change the shared demo app (and change nothing themselves).</summary>
public sealed class CalendarApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await IswPanelApp.StartAsync(Data.DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
