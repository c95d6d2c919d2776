using CsvHelper;
using IswPanel.Data;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Audit;

/// <summary>
/// The audit search as CSV, for the same filter, newest first. Rows are streamed from the database to the response, never
/// held in memory together. A value a spreadsheet would run as a formula (starting with = + - @, a tab or CR) is written
/// with a leading apostrophe. The export is itself audited.
/// </summary>
public static class ExportAudit
{
    public sealed record Query : AuditFilter, IQuery<Result<Export>>;

    /// <summary>The rows, read as they are written (the caller enumerates them once, within the request).</summary>
    public sealed record Export(string FileName, IAsyncEnumerable<SearchAudit.Row> Rows);

    public sealed class Validator : AuditFilterValidator<Query>;

    public static readonly string[] Header =
        ["When (UTC)", "When (UK time)", "User", "Email", "Role", "Tenant", "Action", "Record type", "Record id", "Detail", "From (IP address)"];

    public sealed class Handler(AppDbContext db, IAuditLog audit, TimeProvider clock) : IQueryHandler<Query, Result<Export>>
    {
        public async ValueTask<Result<Export>> Handle(Query query, CancellationToken cancellationToken)
        {
            var events = await query.ApplyAsync(db, db.AuditEvents.AsNoTracking(), cancellationToken);
            var rows = SearchAudit.Project(db, events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id))
                .AsAsyncEnumerable();
            await audit.WriteAsync(AuditActions.AuditExported, "AuditEvent", null, query.Describe(), cancellationToken: cancellationToken);
            var stamp = clock.GetUtcNow().UtcDateTime.ToUkTime().ToString("yyyy-MM-dd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
            return new Export($"audit-{stamp}.csv", rows);
        }
    }

    /// <summary>The options: RFC 4180, with formula-like text escaped by a leading apostrophe.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, InjectionEscape = '\'' };

    /// <summary>Writes the header and the rows to <paramref name="destination"/> as they arrive, flushing as the buffer fills.</summary>
    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<SearchAudit.Row> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordAsync(Header, cancellationToken);
            await foreach (var r in rows.WithCancellation(cancellationToken))
            {
                await csv.WriteRecordAsync(
                [
                    DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    r.OccurredAt.ToUkTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    r.UserName, r.Email, r.Role, r.Tenant, r.Action, r.EntityType, r.EntityId, r.Detail, r.IpAddress,
                ], cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }
    }
}
