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
            var file = await (
                from v in db.ReportVersions.AsNoTracking()
                where v.Id == query.VersionId
                join f in db.StoredFiles on v.StoredFileId equals f.Id
                select f).SingleOrDefaultAsync(cancellationToken);
            if (file is null) return Failure.NotFound;

            Stream content;
            try
            {
                content = await store.OpenReadAsync(file.StorageKey, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                return Failure.NotFound;
            }

            try
            {
                await audit.WriteAsync(AuditActions.DocumentDownloaded, nameof(ReportVersion), query.VersionId.ToString(),
                    $"report version for QA ({file.Kind})", cancellationToken: cancellationToken);
            }
            catch
            {
                await content.DisposeAsync();
                throw;
            }

            return new DownloadDocument.Download(file.OriginalName, file.ContentType, content);
        }
    }
}
