using IswPanel.Data;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Documents;

/// <summary>
/// An uploaded file, for its owner and for panel administrators only; for anyone else it does not exist
/// (NotFound, never Forbidden). Every download is audited.
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
                await audit.WriteAsync(AuditActions.DocumentDownloaded, nameof(StoredFile), file.Id.ToString(), file.Kind.ToString(),
                    cancellationToken: cancellationToken);
            }
            catch
            {
                await content.DisposeAsync();
                throw;
            }

            return new Download(file.OriginalName, file.ContentType, content);
        }

        /// <summary>Panel administrators see every file; anyone else only the files they own.</summary>
        private IQueryable<StoredFile> VisibleFiles()
        {
            var files = db.StoredFiles.AsNoTracking();
            if (me.IsInRole(Roles.PanelAdmin)) return files;
            return me.UserId is { } userId ? files.Where(f => f.OwnerUserId == userId) : files.Where(_ => false);
        }
    }
}
