using IswPanel.Domain.Common;

namespace IswPanel.Domain.Documents;

/// <summary>What kind of content a file really is, decided by its bytes, never by its name.</summary>
public enum FileKind
{
    Pdf,
    Jpeg,
    Png,
    Docx,
}

/// <summary>
/// An uploaded file's record: who owns it, what it really is, and where the bytes are kept. The bytes live
/// in file storage under a generated key, outside the web root; the original name is kept only for display
/// and for the download's file name.
/// </summary>
public sealed class StoredFile : Entity
{
    private StoredFile() { }

    /// <summary>The user the file belongs to (the uploader's own evidence); null for files about a case or an authority.</summary>
    public Guid? OwnerUserId { get; private set; }
    public Guid UploadedByUserId { get; private set; }
    public DateTime UploadedAt { get; private set; }
    public string OriginalName { get; private set; } = "";
    public FileKind Kind { get; private set; }
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string StorageKey { get; private set; } = "";

    public string ContentType => Kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    public static StoredFile Record(Guid? ownerUserId, Guid uploadedBy, DateTime at, string originalName, FileKind kind,
        long length, string sha256, string storageKey)
    {
        if (length <= 0) throw new DomainException("The file is empty.");
        return new StoredFile
        {
            OwnerUserId = ownerUserId,
            UploadedByUserId = uploadedBy,
            UploadedAt = at,
            OriginalName = SafeName(originalName),
            Kind = kind,
            Length = length,
            Sha256 = sha256,
            StorageKey = storageKey,
        };
    }

    /// <summary>A display name with no path and no characters that could break a header.</summary>
    public static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. file.Where(c => !char.IsControl(c) && c is not ('"' or ';'))]).Trim();
        if (clean.Length == 0) clean = "document";
        return clean.Length > 120 ? clean[..120] : clean;
    }
}
