using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Documents;

/// <summary>
/// An uploaded file, for its owner and for panel administrators only, and a request's letter of instruction for
/// whoever may read that request; for anyone else it does not exist (NotFound, never Forbidden). Every download is audited.
/// </summary>
public static class DownloadDocument
{
    public sealed record Query(Guid Id) : IQuery<Result<Download>>;

    /// <summary>The bytes (the caller disposes the stream) with the name and type to send them under.</summary>
    public sealed record Download(string FileName, string ContentType, Stream Content);

    public sealed class Handler(AppDbContext db, IFileStore store, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<Download>>
    {
        public async ValueTask<Result<Download>> Handle(Query query, CancellationToken cancellationToken)
        {
            var file = await VisibleFiles().SingleOrDefaultAsync(f => f.Id == query.Id, cancellationToken);
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
                // A request's letter of instruction: recorded against the request's authority, so its commissioners see the download.
                var subjectAuthority = await db.AssessmentRequests.Where(r => r.LetterOfInstructionFileId == file.Id)
                    .Select(r => (Guid?)r.AuthorityId).FirstOrDefaultAsync(cancellationToken);
                await audit.WriteAsync(AuditActions.DocumentDownloaded, nameof(StoredFile), file.Id.ToString(), file.Kind.ToString(),
                    cancellationToken: cancellationToken, subjectAuthorityId: subjectAuthority);
            }
            catch
            {
                await content.DisposeAsync();
                throw;
            }

            return new Download(file.OriginalName, file.ContentType, content);
        }

        /// <summary>
        /// Panel administrators see every file; anyone else the files they own, and the letter of instruction of any
        /// request they may read (its authority's commissioners, the assigned ISW, panel staff).
        /// </summary>
        private IQueryable<StoredFile> VisibleFiles()
        {
            var files = db.StoredFiles.AsNoTracking();
            if (me.IsInRole(Roles.PanelAdmin)) return files;
            if (me.UserId is not { } userId) return files.Where(_ => false);
            var letters = db.AssessmentRequests.VisibleTo(me).Where(r => r.LetterOfInstructionFileId != null).Select(r => r.LetterOfInstructionFileId);
            return files.Where(f => f.OwnerUserId == userId || letters.Contains(f.Id));
        }
    }
}
