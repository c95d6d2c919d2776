using System.Data.Common;
using System.Diagnostics;
using IswPanel.Data;
using IswPanel.DataGenerator.Generation;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.DataGenerator.Writing;

/// <summary>
/// Writes a <see cref="Batch"/> in one transaction, table by table in foreign-key order, timing each table. Each table
/// goes through a fresh <see cref="AppDbContext"/> with change detection off (the entities are new and complete), so
/// the same EF Core mapping the application uses writes every row on every provider. Where a provider has a faster
/// path (<see cref="FastWriter"/>: prepared inserts on SQLite, binary COPY on PostgreSQL) it is used instead, laid
/// out from the same model.
/// </summary>
internal sealed class BatchWriter(DbConnection connection, DbContextOptions<AppDbContext> options, FastWriter? fast)
{
    /// <summary>Rows per SaveChanges: enough to batch well, few enough to keep the change tracker small.</summary>
    private const int Chunk = 5_000;

    public Dictionary<string, TableStats> Stats { get; } = [];

    public async Task WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TableAsync("AspNetRoles", batch.Roles, null, transaction, cancellationToken);
        await TableAsync("AssessmentTypes", batch.AssessmentTypes, null, transaction, cancellationToken);
        await TableAsync("RubricCriteria", batch.RubricCriteria, null, transaction, cancellationToken);
        await TableAsync("Authorities", batch.Authorities, null, transaction, cancellationToken);
        await TableAsync("AspNetUsers", batch.Users, null, transaction, cancellationToken);
        await TableAsync("AspNetUserRoles", batch.UserRoles, null, transaction, cancellationToken);
        await TableAsync("StoredFiles", batch.StoredFiles, null, transaction, cancellationToken);
        await TableAsync("IswProfiles", batch.IswProfiles, p => p.History.Count + p.UnavailablePeriods.Count, transaction, cancellationToken,
            "MembershipTransitions, IswUnavailablePeriods");
        await TableAsync("PanelApplications", batch.PanelApplications, null, transaction, cancellationToken);
        await TableAsync("ComplianceDocuments", batch.ComplianceDocuments, null, transaction, cancellationToken);
        await TableAsync("EmploymentRecords", batch.EmploymentRecords, null, transaction, cancellationToken);
        await TableAsync("Referees", batch.Referees, null, transaction, cancellationToken);
        await TableAsync("VettingRecords", batch.VettingRecords, null, transaction, cancellationToken);
        await TableAsync("Waivers", batch.Waivers, null, transaction, cancellationToken);
        await TableAsync("AssessmentRequests", batch.Requests, r => r.Milestones.Count + r.Parties.Count, transaction, cancellationToken,
            "RequestMilestones, RequestParties");
        await TableAsync("Offers", batch.Offers, null, transaction, cancellationToken);
        await TableAsync("Assignments", batch.Assignments, null, transaction, cancellationToken);
        await TableAsync("WorkLogEntries", batch.WorkLogEntries, null, transaction, cancellationToken);
        await TableAsync("ReportVersions", batch.ReportVersions, null, transaction, cancellationToken);
        await TableAsync("QaReviews", batch.QaReviews, r => r.Scores.Count, transaction, cancellationToken, "QaReviewScores");
        await TableAsync("AssessmentFeedback", batch.Feedback, null, transaction, cancellationToken);
        await TableAsync("Shadowers", batch.Shadowers, null, transaction, cancellationToken);
        await TableAsync("ShadowingNominations", batch.Nominations, null, transaction, cancellationToken);
        await TableAsync("ShadowedSessions", batch.ShadowedSessions, null, transaction, cancellationToken);
        await TableAsync("RequestEvents", batch.RequestEvents, null, transaction, cancellationToken);
        await TableAsync("AuditEvents", batch.AuditEvents, null, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task TableAsync<T>(string table, List<T> rows, Func<T, int>? owned, DbTransaction transaction,
        CancellationToken cancellationToken, string? ownedTables = null) where T : class
    {
        if (rows.Count == 0) return;
        var watch = Stopwatch.StartNew();
        if (fast is not null)
        {
            await fast.WriteAsync(rows, transaction, cancellationToken);
        }
        else
        {
            for (var start = 0; start < rows.Count; start += Chunk)
            {
                await using var db = new AppDbContext(options);
                await db.Database.UseTransactionAsync(transaction, cancellationToken);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Set<T>().AddRange(rows.Skip(start).Take(Chunk));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        watch.Stop();
        if (!Stats.TryGetValue(table, out var stats)) Stats[table] = stats = new TableStats(table, ownedTables);
        stats.Rows += rows.Count;
        if (owned is not null) foreach (var row in rows) stats.OwnedRows += owned(row);
        stats.Elapsed += watch.Elapsed;
    }
}

/// <summary>Rows written to one table (and the tables it owns, written with it), and the time it took.</summary>
public sealed class TableStats(string table, string? ownedTables)
{
    public string Table { get; } = table;
    public string? OwnedTables { get; } = ownedTables;
    public long Rows { get; internal set; }
    public long OwnedRows { get; internal set; }
    public TimeSpan Elapsed { get; internal set; }
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : (Rows + OwnedRows) / Elapsed.TotalSeconds;
}
