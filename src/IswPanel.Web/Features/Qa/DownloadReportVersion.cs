using IswPanel.Data;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Documents;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Qa;

/// <summary>
/// A report version's file for QA reviewers (the document route serves only owners' files and letters of instruction).
/// Every download is audited.
/// </summary>
public static class DownloadReportVersion
{
    public sealed record Query(Guid VersionId) : IQuery<Result<DownloadDocument.Download>>;

    public sealed class Handler(AppDbContext db, IFileStore store, IAuditLog audit) : IQueryHandler<Query, Result<DownloadDocument.Download>>
    {
        public async ValueTask<Result<DownloadDocument.Download>> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await (
                from v in db.ReportVersions.AsNoTracking()
                where v.Id == query.VersionId
                join f in db.StoredFiles on v.StoredFileId equals f.Id
                join r in db.AssessmentRequests on v.AssessmentRequestId equals r.Id
                select new { File = f, r.AuthorityId }).SingleOrDefaultAsync(cancellationToken);
            if (row is null) return Failure.NotFound;
            return await Work.DownloadReport.OpenAuditedAsync(store, audit, query.VersionId, row.File, AuditActions.DocumentDownloaded,
                $"report version for QA ({row.File.Kind})", row.AuthorityId, cancellationToken);
        }
    }
}
