using System.Globalization;
using IswPanel.Domain.Assessments;
using IswPanel.DataGenerator.Writing;

namespace IswPanel.DataGenerator;

/// <summary>An account to sign in with on the generated data (every account has <see cref="ScaleDataOptions.Password"/>).</summary>
public sealed record ScaleLogin(string Role, string Email, string Name);

/// <summary>What was generated, how fast, and how to sign in.</summary>
public sealed record ScaleDataReport(
    ScaleDataOptions Options,
    IReadOnlyList<TableStats> Tables,
    TimeSpan Elapsed,
    TimeSpan Schema,
    TimeSpan Generation,
    TimeSpan Writing,
    TimeSpan Indexes,
    TimeSpan Analyse,
    IReadOnlyDictionary<AssessmentRequestStatus, int> RequestStates,
    IReadOnlyList<ScaleLogin> Logins)
{
    public long TotalRows => Tables.Sum(t => t.Rows + t.OwnedRows);

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Generated seed {Options.Seed} on {Options.Provider}: {Options.Isws:N0} ISWs, {Options.Authorities:N0} authorities, {Options.Requests:N0} requests, up to {Options.Now:yyyy-MM-dd HH:mm}Z."));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{"table",-26} {"rows",12} {"owned rows",12} {"seconds",9} {"rows/s",10}"));
        foreach (var table in Tables.OrderByDescending(t => t.Rows + t.OwnedRows))
        {
            output.WriteLine(string.Create(c,
                $"{table.Table,-26} {table.Rows,12:N0} {(table.OwnedRows == 0 ? "" : table.OwnedRows.ToString("N0", c)),12} {table.Elapsed.TotalSeconds,9:N1} {table.RowsPerSecond,10:N0}"));
        }
        foreach (var owned in Tables.Where(t => t.OwnedTables is not null))
            output.WriteLine(string.Create(c, $"  (owned rows of {owned.Table}: {owned.OwnedTables})"));
        output.WriteLine();
        var writingRate = Writing.TotalSeconds > 0 ? TotalRows / Writing.TotalSeconds : 0;
        output.WriteLine(string.Create(c, $"{TotalRows:N0} rows in {Elapsed.TotalSeconds:N1} s ({TotalRows / Math.Max(0.001, Elapsed.TotalSeconds):N0} rows/s overall)."));
        output.WriteLine(string.Create(c,
            $"  schema {Schema.TotalSeconds:N1} s; generating {Generation.TotalSeconds:N1} s (overlaps writing); writing {Writing.TotalSeconds:N1} s ({writingRate:N0} rows/s); indexes {Indexes.TotalSeconds:N1} s; statistics {Analyse.TotalSeconds:N1} s."));
        output.WriteLine();
        output.WriteLine("Requests by state: " + string.Join(", ",
            Enum.GetValues<AssessmentRequestStatus>().Select(s => string.Create(c, $"{s} {RequestStates.GetValueOrDefault(s):N0}"))));
        output.WriteLine();
        output.WriteLine($"Sign in with password {Options.Password}:");
        foreach (var login in Logins) output.WriteLine($"  {login.Role,-50} {login.Email}  ({login.Name})");
        output.WriteLine("  (Staff sign-in needs a second factor unless Security:RequireTwoFactorForStaff is false; set DemoData:Enabled=false so the demo seeder stays away.)");
    }
}
