using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Documents;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// Report files as downloads. <see cref="Released"/>: the authority's commissioners (and panel administrators) get
/// the QA-approved version once it is released, and nothing before: until then the report does not exist for them
/// (NotFound). <see cref="OwnVersion"/>: the assigned ISW gets any version they uploaded. Every download is audited.
/// </summary>
public static class DownloadReport
{
    public sealed record Released(Guid RequestId) : IQuery<Result<DownloadDocument.Download>>;

    public sealed record OwnVersion(Guid RequestId, Guid VersionId) : IQuery<Result<DownloadDocument.Download>>;

    public sealed class ReleasedHandler(AppDbContext db, IFileStore store, ICurrentUser me, IAuditLog audit)
        : IQueryHandler<Released, Result<DownloadDocument.Download>>
    {
        public async ValueTask<Result<DownloadDocument.Download>> Handle(Released query, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) && !me.IsInRole(Roles.PanelAdmin)) return Failure.NotFound;
            var row = await (
                from r in db.AssessmentRequests.AsNoTracking().VisibleTo(me)
                where r.Id == query.RequestId && r.ReleasedReportVersionId != null
                join v in db.ReportVersions on r.ReleasedReportVersionId equals v.Id
                join f in db.StoredFiles on v.StoredFileId equals f.Id
                select new { VersionId = v.Id, v.Number, File = f, r.AuthorityId }).SingleOrDefaultAsync(cancellationToken);
            if (row is null) return Failure.NotFound;
            return await OpenAuditedAsync(store, audit, row.VersionId, row.File, AuditActions.ReportDownloaded,
                $"released report, version {row.Number}", row.AuthorityId, cancellationToken);
        }
    }

    public sealed class OwnVersionHandler(AppDbContext db, IFileStore store, ICurrentUser me, IAuditLog audit)
        : IQueryHandler<OwnVersion, Result<DownloadDocument.Download>>
    {
        public async ValueTask<Result<DownloadDocument.Download>> Handle(OwnVersion query, CancellationToken cancellationToken)
        {
            if (await CaseWork.FindMineAsync(db, me, query.RequestId, track: false, cancellationToken) is null) return Failure.NotFound;
            var row = await (
                from v in db.ReportVersions.AsNoTracking()
                where v.Id == query.VersionId && v.AssessmentRequestId == query.RequestId && v.IswProfileId == me.IswProfileId
                join f in db.StoredFiles on v.StoredFileId equals f.Id
                join r in db.AssessmentRequests on v.AssessmentRequestId equals r.Id
                select new { v.Number, File = f, r.AuthorityId }).SingleOrDefaultAsync(cancellationToken);
            if (row is null) return Failure.NotFound;
            return await OpenAuditedAsync(store, audit, query.VersionId, row.File, AuditActions.ReportDownloaded,
                $"own version {row.Number}", row.AuthorityId, cancellationToken);
        }
    }

    /// <summary>Opens a report version's file and audits the download (against the request's authority, so its
    /// commissioners see who read it). Shared by every route that serves a report.</summary>
    internal static async Task<Result<DownloadDocument.Download>> OpenAuditedAsync(IFileStore store, IAuditLog audit, Guid versionId,
        Domain.Documents.StoredFile file, string action, string detail, Guid authorityId, CancellationToken cancellationToken)
    {
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
            await audit.WriteAsync(action, nameof(ReportVersion), versionId.ToString(), detail, cancellationToken: cancellationToken,
                subjectAuthorityId: authorityId);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        return new DownloadDocument.Download(file.OriginalName, file.ContentType, content);
    }
}
