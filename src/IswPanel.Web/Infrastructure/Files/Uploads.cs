using System.Globalization;
using System.Security.Cryptography;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Security;

namespace IswPanel.Web.Infrastructure.Files;

/// <summary>An accepted upload's record (not yet saved), or why the file was refused, in words fit for the form.</summary>
public sealed record UploadOutcome(StoredFile? File, string? Error)
{
    public bool Accepted => File is not null;
}

/// <summary>
/// Accepts uploaded files for a command: checks that there is one, its size (before reading it all) and its
/// real type by content; stores the bytes under a generated key, outside the web root; and adds the
/// <see cref="StoredFile"/> row to the DbContext without saving it, so the command's unit of work saves it
/// with everything else, only if the command succeeds.
/// </summary>
/// <remarks>
/// The bytes are stored before the command's changes are saved. If the command then fails, call
/// <see cref="DiscardAsync"/>; otherwise the bytes stay in the store with no row pointing at them (harmless,
/// and never served, since downloads go through the row).
/// </remarks>
public sealed class Uploads(AppDbContext db, IFileStore store, IClock clock, ICurrentUser me)
{
    public const string SelectAFile = "Select a file";
    public const string EmptyFile = "The selected file is empty";

    /// <summary>
    /// What is wrong with the file before its content is read (missing, empty, too large), or null. For
    /// validators, so a form shows these with its other errors; <see cref="AcceptAsync"/> checks them again.
    /// </summary>
    public static string? Precheck(IFormFile? file, UploadPolicy policy)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))) return SelectAFile;
        if (file.Length == 0) return EmptyFile;
        if (file.Length > policy.MaxBytes) return policy.TooLargeMessage;
        return null;
    }

    public async Task<UploadOutcome> AcceptAsync(IFormFile? file, UploadPolicy policy, Guid? ownerUserId, CancellationToken cancellationToken)
    {
        if (Precheck(file, policy) is { } problem) return new UploadOutcome(null, problem);
        var uploader = me.UserId ?? throw new InvalidOperationException("Only a signed-in user can upload a file.");

        // A private copy: the declared length is checked again as it is read, the hash is taken on the way,
        // and the ZIP check for DOCX can seek in it.
        await using var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"iswpanel-upload-{Guid.NewGuid():N}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var source = file!.OpenReadStream())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > policy.MaxBytes) return new UploadOutcome(null, policy.TooLargeMessage);
                hash.AppendData(buffer, 0, read);
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (length == 0) return new UploadOutcome(null, EmptyFile);

        copy.Position = 0;
        var head = new byte[FileSniffer.HeadLength];
        var headLength = await copy.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var kind = FileSniffer.Detect(head.AsSpan(0, headLength), copy);
        if (kind is not { } real || !policy.Kinds.Contains(real)) return new UploadOutcome(null, policy.WrongTypeMessage);

        var now = clock.UtcNow;
        var key = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}");
        copy.Position = 0;
        await store.SaveAsync(key, copy, cancellationToken);

        var stored = StoredFile.Record(ownerUserId, uploader, now, file.FileName, real, length,
            Convert.ToHexStringLower(hash.GetHashAndReset()), key);
        db.StoredFiles.Add(stored);
        return new UploadOutcome(stored, null);
    }

    /// <summary>Undoes an accepted upload whose command then failed: forgets the row and deletes the bytes.</summary>
    public async Task DiscardAsync(StoredFile file, CancellationToken cancellationToken)
    {
        var entry = db.Entry(file);
        if (entry.State != Microsoft.EntityFrameworkCore.EntityState.Detached) entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        await store.DeleteAsync(file.StorageKey, cancellationToken);
    }
}
